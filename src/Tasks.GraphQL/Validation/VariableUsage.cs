using Tasks.GraphQL.Language;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Validation;

/// <summary>A place where a document uses a variable as a value, and what that place expects.</summary>
/// <param name="Node">The variable as written.</param>
/// <param name="Type">The input type expected where it is used, or null where the schema does not say.</param>
/// <param name="DefaultValue">The default value of the argument or input field it is given to, if any.</param>
/// <param name="OneOfInputObject">The <c>@oneOf</c> input object when the variable is the value of one of its fields, else null.</param>
public readonly record struct VariableUsage(VariableNode Node, IGraphQLType? Type, IValueNode? DefaultValue, InputObjectType? OneOfInputObject)
{
    /// <summary>Records a usage met during a walk, from what <paramref name="typeInfo"/> knows of its position.</summary>
    internal static VariableUsage At(VariableNode node, TypeInfo typeInfo, INode? parent)
    {
        var oneOf = parent is ObjectFieldNode && typeInfo.ParentInputType?.NamedType() is InputObjectType { IsOneOf: true } inputObject
            ? inputObject
            : null;
        return new VariableUsage(node, typeInfo.InputType, typeInfo.DefaultValue, oneOf);
    }
}
