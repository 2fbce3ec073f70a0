namespace CommerceGateway.Sandbox.Booking;

/// <summary>
/// The booking backend's state: seats, shopping carts and orders. One lock makes every call
/// atomic; time comes from <see cref="TimeProvider"/>, and every call first expires what is due
/// (the <see cref="BookingExpirySweeper"/> also does on a timer).
/// </summary>
internal sealed partial class BookingStore
{
    /// <summary>Seats in a cart stay locked this long after the cart's last change.</summary>
    public static readonly TimeSpan CartLock = TimeSpan.FromMinutes(10);

    /// <summary>createOrder extends the lock to this long; an order not committed by then is deleted.</summary>
    public static readonly TimeSpan OrderLock = TimeSpan.FromMinutes(45);

    private const int MaxSeatsPerCall = 10;

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly BookingSettings _settings;
    private readonly Dictionary<long, BookingEvent> _events;
    private readonly Dictionary<long, BookingSession> _sessions;
    private readonly Dictionary<long, BookingSeatState> _seats;
    private readonly Dictionary<string, BookingCart> _carts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BookingOrder> _orders = new(StringComparer.Ordinal);
    private long _lastItemId;

    public BookingStore(TimeProvider time, BookingSettings settings)
    {
        _time = time;
        _settings = settings;
        _events = BookingSeed.Events.ToDictionary(e => e.Id);
        _sessions = BookingSeed.Events.SelectMany(e => e.Sessions).ToDictionary(s => s.Id);
        _seats = _sessions.Values.SelectMany(s => s.Seats.Select(d => new BookingSeatState(s, d))).ToDictionary(s => s.Definition.Id);
    }

    public BookingCart CreateCart(string channelId)
    {
        lock (_gate)
        {
            var now = Now();
            var cart = new BookingCart(Guid.NewGuid().ToString("N"), channelId) { ExpiresAt = now + CartLock };
            _carts[cart.Token] = cart;
            return cart;
        }
    }

    public T ReadCart<T>(string token, string channelId, Func<BookingCart, T> read)
    {
        lock (_gate)
        {
            Now();
            return read(Cart(token, channelId));
        }
    }

    public T ChangeCart<T>(string token, string channelId, Action<BookingCart> change, Func<BookingCart, T> read)
    {
        lock (_gate)
        {
            var now = Now();
            var cart = Cart(token, channelId);
            change(cart);
            cart.ExpiresAt = now + CartLock;
            return read(cart);
        }
    }

    /// <summary>Locks the chosen seats of one session in the cart, all or none.</summary>
    public void AddSeats(BookingCart cart, long sessionId, IReadOnlyList<long> seatIds, long? rateId, bool soldOut)
    {
        var (session, rate) = SessionAndRate(sessionId, rateId);
        if (seatIds.Count is 0 or > MaxSeatsPerCall)
        {
            throw BookingException.Invalid("INVALID_PARAMETER", $"seats: give 1 to {MaxSeatsPerCall} seat ids.");
        }

        if (soldOut)
        {
            throw BookingException.Conflict("SOLD_OUT", $"Session {session.Id} is sold out.");
        }

        var seats = new List<BookingSeatState>();
        foreach (var seatId in seatIds.Distinct())
        {
            if (!_seats.TryGetValue(seatId, out var seat) || seat.Session.Id != session.Id)
            {
                throw BookingException.Invalid("INVALID_SEAT", $"Seat {seatId} is not a seat of session {session.Id}.");
            }

            seats.Add(seat);
        }

        var taken = seats.Where(s => s.Status != BookingSeatStatus.Free).Select(s => s.Definition.Id).ToList();
        if (taken.Count > 0)
        {
            throw BookingException.Conflict("SEAT_NOT_AVAILABLE", $"Seats not available: {string.Join(", ", taken)}.");
        }

        Lock(cart, seats, rate);
    }

    /// <summary>Locks the best <paramref name="count"/> free seats of a session: front rows first, side by side when possible.</summary>
    public void AddBestSeats(BookingCart cart, long sessionId, int count, long? rateId, bool soldOut)
    {
        var (session, rate) = SessionAndRate(sessionId, rateId);
        if (count is < 1 or > MaxSeatsPerCall)
        {
            throw BookingException.Invalid("INVALID_PARAMETER", $"numSeats: give 1 to {MaxSeatsPerCall}.");
        }

        var free = session.Seats.Select(d => _seats[d.Id]).Where(s => s.Status == BookingSeatStatus.Free).ToList();
        if (soldOut || free.Count == 0)
        {
            throw BookingException.Conflict("SOLD_OUT", $"Session {session.Id} is sold out.");
        }

        if (free.Count < count)
        {
            throw BookingException.Conflict("NOT_ENOUGH_SEATS", $"Session {session.Id} has only {free.Count} free seats.");
        }

        var together = free.GroupBy(s => s.Definition.Row)
            .Select(row => Adjacent(row.ToList(), count))
            .FirstOrDefault(block => block is not null);
        Lock(cart, together ?? free.Take(count).ToList(), rate);
    }

    /// <summary>Gives back the given items of the cart; unknown items are refused and nothing changes.</summary>
    public static void ReleaseItems(BookingCart cart, IReadOnlyList<long> itemIds)
    {
        if (itemIds.Count == 0)
        {
            throw BookingException.Invalid("INVALID_PARAMETER", "items: give at least one item id.");
        }

        var unknown = itemIds.Where(id => cart.Items.All(i => i.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            throw BookingException.NotFound("ITEM_NOT_FOUND", $"Items not in the cart: {string.Join(", ", unknown)}.");
        }

        foreach (var item in cart.Items.Where(i => itemIds.Contains(i.Id)).ToList())
        {
            item.Seat.Status = BookingSeatStatus.Free;
            cart.Items.Remove(item);
        }
    }

    public static void ReleaseAllItems(BookingCart cart)
    {
        foreach (var item in cart.Items)
        {
            item.Seat.Status = BookingSeatStatus.Free;
        }

        cart.Items.Clear();
    }

    private void Lock(BookingCart cart, List<BookingSeatState> seats, BookingRate rate)
    {
        foreach (var seat in seats)
        {
            seat.Status = BookingSeatStatus.Locked;
            cart.Items.Add(new BookingItem(++_lastItemId, seat, rate));
        }
    }

    private static List<BookingSeatState>? Adjacent(List<BookingSeatState> row, int count)
    {
        for (var start = 0; start + count <= row.Count; start++)
        {
            var block = row.GetRange(start, count);
            if (block[^1].Definition.Number - block[0].Definition.Number == count - 1)
            {
                return block;
            }
        }

        return null;
    }

    private (BookingSession Session, BookingRate Rate) SessionAndRate(long sessionId, long? rateId)
    {
        var session = _sessions.GetValueOrDefault(sessionId)
            ?? throw BookingException.NotFound("SESSION_NOT_FOUND", $"Session {sessionId} does not exist.");
        var rate = rateId is null
            ? session.Rates[0]
            : session.Rates.FirstOrDefault(r => r.Id == rateId)
                ?? throw BookingException.Invalid("INVALID_RATE", $"Rate {rateId} is not sold for session {sessionId}.");
        return (session, rate);
    }

    private BookingCart Cart(string token, string channelId)
    {
        if (_carts.TryGetValue(token, out var cart) && string.Equals(cart.ChannelId, channelId, StringComparison.Ordinal))
        {
            return cart;
        }

        throw Closed(_closedCarts, token) ?? BookingException.NotFound("SHOPPING_CART_NOT_FOUND", "No shopping cart has this token.");
    }
}
