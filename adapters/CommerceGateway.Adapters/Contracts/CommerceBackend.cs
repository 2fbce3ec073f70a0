using System.Runtime.CompilerServices;

namespace CommerceGateway.Adapters;

/// <summary>
/// The contract every commerce adapter implements for one channel. Instances are created once
/// per channel and must be safe for concurrent use; they keep no per-cart state of their own:
/// what they must remember goes into <see cref="Cart.Backend"/> or <see cref="Order.Backend"/>,
/// which the gateway stores for them.
/// </summary>
/// <remarks>
/// Operations outside the core cart and checkout throw <see cref="CapabilityNotSupportedException"/>
/// unless overridden. Failures are raised as <see cref="CommerceException"/> subclasses: business
/// outcomes as <see cref="BackendRejectedException"/> or <see cref="BackendConflictException"/>,
/// faults as <see cref="BackendUnavailableException"/>, <see cref="BackendTimeoutException"/> or
/// <see cref="BackendProtocolException"/>.
/// </remarks>
public abstract partial class CommerceBackend
{
    /// <summary>Creates the backend for <paramref name="channel"/>.</summary>
    protected CommerceBackend(Channel channel) => Channel = channel ?? throw new ArgumentNullException(nameof(channel));

    /// <summary>The channel this instance serves.</summary>
    public Channel Channel { get; }

    /// <summary>Creates an empty cart at the backend.</summary>
    public abstract Task<Cart> CreateCartAsync(CartCreation request, CancellationToken cancellationToken);

    /// <summary>Adds lines (merchandise or seats). Seats are all-or-nothing.</summary>
    public abstract Task<Cart> AddLinesAsync(Cart cart, IReadOnlyList<CartLineInput> lines, CancellationToken cancellationToken);

    /// <summary>Changes line quantities; a zero quantity removes the line.</summary>
    public abstract Task<Cart> UpdateLinesAsync(Cart cart, IReadOnlyList<CartLineUpdate> updates, CancellationToken cancellationToken);

    /// <summary>Removes lines, releasing what they held.</summary>
    public abstract Task<Cart> RemoveLinesAsync(Cart cart, IReadOnlyList<string> lineIds, CancellationToken cancellationToken);

    /// <summary>Sets the buyer's contact details.</summary>
    public abstract Task<Cart> UpdateBuyerAsync(Cart cart, Buyer buyer, CancellationToken cancellationToken);

    /// <summary>Starts checkout: the returned cart's <see cref="Cart.Checkout"/> lists the steps this backend requires.</summary>
    public abstract Task<Cart> BeginCheckoutAsync(Cart cart, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the protocol can take a payment the PSP already authorized, by its transaction id
    /// (<see cref="PaymentInstruction.PspTransactionId"/>), as when a platform's payment orchestrator
    /// charged the buyer. A protocol that only charges PSP tokens overrides this with
    /// <see langword="false"/>: the gateway then refuses a transaction id before the backend is called.
    /// </summary>
    public virtual bool TakesPspTransactions => true;

    /// <summary>
    /// Submits payment (a PSP token or transaction id). May answer Processing; then poll <see cref="GetPaymentStatusAsync"/>.
    /// A fault whose <see cref="CommerceException.RequestNotSent"/> is true tells the gateway the backend took
    /// nothing of this payment, so the cart may be paid again at once: an adapter whose payment makes several
    /// calls lets it through only from calls made before any call that may have taken effect, and raises
    /// later ones through <see cref="AfterPaymentReachedBackend"/>.
    /// </summary>
    public abstract Task<PaymentOutcome> SubmitPaymentAsync(Cart cart, PaymentInstruction payment, CancellationToken cancellationToken);

    /// <summary>
    /// The fault to raise for a call of a payment made after an earlier call of it may have reached the
    /// backend: the same fault, but no longer saying the request was never sent, since the payment as a
    /// whole may have taken effect. Any other exception is returned unchanged.
    /// </summary>
    /// <param name="fault">What the later call raised.</param>
    /// <returns>The exception to throw.</returns>
    protected static Exception AfterPaymentReachedBackend(Exception fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        return fault is CommerceException { RequestNotSent: true } unsent
            ? new BackendUnavailableException(unsent.Channel ?? string.Empty, unsent.Message, innerException: unsent)
            : fault;
    }

    /// <summary>
    /// Takes the steps before the money moves whose result the backend's later calls need (e.g. creating
    /// the order a payment then commits), so the gateway stores their cart before it submits the payment.
    /// When the payment's answer is then lost, <see cref="LookUpPaymentAsync"/> has those ids to ask with.
    /// Moves no money. The default returns the cart unchanged; <see cref="SubmitPaymentAsync"/> must
    /// still work on a cart that was not prepared.
    /// </summary>
    /// <param name="cart">The cart about to be paid.</param>
    /// <param name="payment">The payment that will be submitted.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The cart to store and then pay.</returns>
    public virtual Task<Cart> PreparePaymentAsync(Cart cart, PaymentInstruction payment, CancellationToken cancellationToken) => Task.FromResult(cart);

    /// <summary>
    /// Asks the backend what became of a payment whose answer never arrived: the call timed out, its
    /// connection broke, or the gateway replica that made it died. The gateway calls this before it
    /// would submit another payment for the cart (with any key, on any replica), and reports the answer
    /// instead of charging twice.
    /// </summary>
    /// <param name="cart">
    /// The cart as stored just before that payment was submitted (after <see cref="PreparePaymentAsync"/>),
    /// with the backend ids it had then.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// The payment as the backend now knows it: Paid, Authorized or Processing (with the order when
    /// there is one) when the backend took it; Failed with the reason when it declined it; Pending when
    /// it certainly took no payment, with the cart to pay again from. Null when the protocol has no way
    /// to tell, which is the default: the gateway then refuses to charge the cart again
    /// (PAYMENT_OUTCOME_UNKNOWN) rather than guess.
    /// </returns>
    public virtual Task<PaymentOutcome?> LookUpPaymentAsync(Cart cart, CancellationToken cancellationToken) => Task.FromResult<PaymentOutcome?>(null);

    /// <summary>Reads the current state of a known order.</summary>
    public abstract Task<Order> GetOrderAsync(Order order, CancellationToken cancellationToken);

    /// <summary>
    /// Polls an asynchronous payment. Backends that settle payment synchronously keep this default,
    /// which reports what the cart already shows.
    /// </summary>
    public virtual Task<PaymentOutcome> GetPaymentStatusAsync(Cart cart, CancellationToken cancellationToken)
    {
        var status = cart.Checkout.Status switch
        {
            CheckoutStatus.Complete => PaymentStatus.Paid,
            CheckoutStatus.PaymentFailed => PaymentStatus.Failed,
            CheckoutStatus.Processing => PaymentStatus.Processing,
            _ => PaymentStatus.Pending,
        };
        return Task.FromResult(new PaymentOutcome(cart, status, FailureReason: cart.Checkout.FailureReason));
    }

    /// <summary>
    /// Gives back everything the cart holds at the backend (seats, reserved tickets), e.g. when its
    /// holds expired. The default does nothing, for backends that hold nothing.
    /// </summary>
    public virtual Task<Cart> ReleaseCartAsync(Cart cart, CancellationToken cancellationToken) => Task.FromResult(cart);

    /// <summary>Raises <see cref="CapabilityNotSupportedException"/> for the calling operation.</summary>
    protected Task<T> NotSupported<T>(ChannelCapabilities capability, [CallerMemberName] string operation = "") =>
        Task.FromException<T>(new CapabilityNotSupportedException(Channel.Name, capability, operation.Replace("Async", string.Empty, StringComparison.Ordinal)));
}
