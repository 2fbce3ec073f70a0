namespace CommerceGateway.GraphQL.Types.Builders;

/// <summary>Configures an object type.</summary>
public sealed class ObjectTypeBuilder : ComplexTypeBuilder<ObjectTypeBuilder>
{
    internal ObjectTypeBuilder(string name)
        : base(name)
    {
    }

    internal Func<object, bool>? IsTypeOfCheck { get; private set; }

    internal Type? ClrType { get; private set; }

    /// <summary>Tells interfaces and unions whether a runtime value belongs to this type.</summary>
    public ObjectTypeBuilder IsTypeOf(Func<object, bool> check)
    {
        IsTypeOfCheck = check;
        return this;
    }

    /// <summary>Values of <typeparamref name="T"/> (or derived types) belong to this type when it appears in an interface or union.</summary>
    public ObjectTypeBuilder RuntimeType<T>()
    {
        ClrType = typeof(T);
        return this;
    }
}
