using System.Text;

namespace CommerceGateway.GraphQL.Commerce.Resolvers;

/// <summary>GraphQL enum value names from CLR names, the way the engine's <c>Values&lt;T&gt;()</c> writes them.</summary>
internal static class EnumNames
{
    public static string Constant(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(name[i]));
        }

        return builder.ToString();
    }
}
