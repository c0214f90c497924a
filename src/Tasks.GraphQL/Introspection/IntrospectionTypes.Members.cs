using Tasks.GraphQL.Language;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Introspection;

/// <summary><c>__Field</c>, <c>__InputValue</c>, <c>__EnumValue</c> and <c>__Directive</c>, over the type system's definitions.</summary>
public static partial class IntrospectionTypes
{
    private static void DefineField(Definitions d)
    {
        var field = d.Field;
        Add(field, "name", NonNull(BuiltInScalars.String), "The field's name.", Read<FieldDefinition>(f => f.Name));
        Add(field, "description", BuiltInScalars.String, "The field's description, if any.", Read<FieldDefinition>(f => f.Description));
        Add(field, "args", NonNull(ListOf(NonNull(d.InputValue))), "The field's arguments.", Read<FieldDefinition>(
            (f, context) => f.Arguments.Values.Where(a => Includes(context) || a.DeprecationReason is null).ToArray()),
            IncludeDeprecated());
        Add(field, "type", NonNull(d.Type), "The type of the field's values.", Read<FieldDefinition>(f => f.Type));
        Add(field, "isDeprecated", NonNull(BuiltInScalars.Boolean), "Whether the field should no longer be used.", Read<FieldDefinition>(f => f.IsDeprecated));
        Add(field, "deprecationReason", BuiltInScalars.String, "Why the field should no longer be used, if it is deprecated.", Read<FieldDefinition>(f => f.DeprecationReason));
    }

    private static void DefineInputValue(Definitions d)
    {
        var input = d.InputValue;
        Add(input, "name", NonNull(BuiltInScalars.String), "The argument's or input field's name.", Read<InputValueDefinition>(v => v.Name));
        Add(input, "description", BuiltInScalars.String, "Its description, if any.", Read<InputValueDefinition>(v => v.Description));
        Add(input, "type", NonNull(d.Type), "The type of its values.", Read<InputValueDefinition>(v => v.Type));
        Add(input, "defaultValue", BuiltInScalars.String, "The value used when none is given, as GraphQL text, if there is one.", Read<InputValueDefinition>(
            v => v.DefaultValue is { } literal ? Printer.Print(literal) : null));
        Add(input, "isDeprecated", NonNull(BuiltInScalars.Boolean), "Whether it should no longer be used.", Read<InputValueDefinition>(v => v.DeprecationReason is not null));
        Add(input, "deprecationReason", BuiltInScalars.String, "Why it should no longer be used, if it is deprecated.", Read<InputValueDefinition>(v => v.DeprecationReason));
    }

    private static void DefineEnumValue(Definitions d)
    {
        var value = d.EnumValue;
        Add(value, "name", NonNull(BuiltInScalars.String), "The value's name.", Read<EnumValueDefinition>(v => v.Name));
        Add(value, "description", BuiltInScalars.String, "The value's description, if any.", Read<EnumValueDefinition>(v => v.Description));
        Add(value, "isDeprecated", NonNull(BuiltInScalars.Boolean), "Whether the value should no longer be used.", Read<EnumValueDefinition>(v => v.DeprecationReason is not null));
        Add(value, "deprecationReason", BuiltInScalars.String, "Why the value should no longer be used, if it is deprecated.", Read<EnumValueDefinition>(v => v.DeprecationReason));
    }

    private static void DefineDirective(Definitions d)
    {
        var directive = d.Directive;
        Add(directive, "name", NonNull(BuiltInScalars.String), "The directive's name, without @.", Read<DirectiveDefinition>(x => x.Name));
        Add(directive, "description", BuiltInScalars.String, "The directive's description, if any.", Read<DirectiveDefinition>(x => x.Description));
        Add(directive, "isRepeatable", NonNull(BuiltInScalars.Boolean), "Whether it may appear more than once at one location.", Read<DirectiveDefinition>(x => x.IsRepeatable));
        Add(directive, "locations", NonNull(ListOf(NonNull(d.DirectiveLocation))), "Where it may be used.", Read<DirectiveDefinition>(x => x.Locations));
        Add(directive, "args", NonNull(ListOf(NonNull(d.InputValue))), "Its arguments.", Read<DirectiveDefinition>(
            (x, context) => x.Arguments.Values.Where(a => Includes(context) || a.DeprecationReason is null).ToArray()),
            IncludeDeprecated());
    }
}
