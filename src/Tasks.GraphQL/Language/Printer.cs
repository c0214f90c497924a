using System.Globalization;
using System.Text;

namespace Tasks.GraphQL.Language;

/// <summary>
/// Prints AST nodes as canonical GraphQL text: two-space indentation, one selection or field per line,
/// descriptions above what they describe, block strings kept as block strings where they read back the
/// same, and field arguments on one line unless that line would pass 80 characters. Parsing the output
/// gives a tree equal to the input under <see cref="AstComparer"/>.
/// </summary>
public static class Printer
{
    /// <summary>Field arguments move to a line each when the field would otherwise be longer than this.</summary>
    public const int MaxLineLength = 80;

    /// <summary>Prints a node and everything under it.</summary>
    /// <param name="node">Any node: a document, a definition, a selection, a value, a type...</param>
    public static string Print(INode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var writer = new Writer();
        writer.Node(node);
        return writer.ToString();
    }

    // Appends to one buffer. Indentation is written lazily, at the first text after a line break, so
    // empty lines (inside block strings) get no trailing spaces.
    private sealed class Writer
    {
        private readonly StringBuilder _text = new(256);
        private int _indent;
        private bool _atLineStart;

        public override string ToString() => _text.ToString();

        public void Node(INode node)
        {
            switch (node.Kind)
            {
                case NodeKind.Name: Write(((NameNode)node).Value); break;
                case NodeKind.Document: Document((DocumentNode)node); break;
                case NodeKind.OperationDefinition: OperationDefinition((OperationDefinitionNode)node); break;
                case NodeKind.VariableDefinition: VariableDefinition((VariableDefinitionNode)node); break;
                case NodeKind.SelectionSet: SelectionSet((SelectionSetNode)node); break;
                case NodeKind.Field: Field((FieldNode)node); break;
                case NodeKind.Argument: Argument((ArgumentNode)node); break;
                case NodeKind.FragmentSpread: FragmentSpread((FragmentSpreadNode)node); break;
                case NodeKind.InlineFragment: InlineFragment((InlineFragmentNode)node); break;
                case NodeKind.FragmentDefinition: FragmentDefinition((FragmentDefinitionNode)node); break;
                case NodeKind.Variable: Write('$'); Write(((VariableNode)node).Name.Value); break;
                case NodeKind.IntValue: Write(((IntValueNode)node).Value); break;
                case NodeKind.FloatValue: Write(((FloatValueNode)node).Value); break;
                case NodeKind.StringValue: StringValue((StringValueNode)node); break;
                case NodeKind.BooleanValue: Write(((BooleanValueNode)node).Value ? "true" : "false"); break;
                case NodeKind.NullValue: Write("null"); break;
                case NodeKind.EnumValue: Write(((EnumValueNode)node).Value); break;
                case NodeKind.ListValue: Bracketed('[', ((ListValueNode)node).Values, ']'); break;
                case NodeKind.ObjectValue: Bracketed('{', ((ObjectValueNode)node).Fields, '}'); break;
                case NodeKind.ObjectField: ObjectField((ObjectFieldNode)node); break;
                case NodeKind.Directive: Directive((DirectiveNode)node); break;
                case NodeKind.NamedType: Write(((NamedTypeNode)node).Name.Value); break;
                case NodeKind.ListType: Write('['); Node(((ListTypeNode)node).Type); Write(']'); break;
                case NodeKind.NonNullType: Node(((NonNullTypeNode)node).Type); Write('!'); break;
                case NodeKind.SchemaDefinition: SchemaDefinition((SchemaDefinitionNode)node); break;
                case NodeKind.OperationTypeDefinition: OperationTypeDefinition((OperationTypeDefinitionNode)node); break;
                case NodeKind.ScalarTypeDefinition: ScalarTypeDefinition((ScalarTypeDefinitionNode)node); break;
                case NodeKind.ObjectTypeDefinition: ObjectTypeDefinition((ObjectTypeDefinitionNode)node); break;
                case NodeKind.FieldDefinition: FieldDefinition((FieldDefinitionNode)node); break;
                case NodeKind.InputValueDefinition: InputValueDefinition((InputValueDefinitionNode)node); break;
                case NodeKind.InterfaceTypeDefinition: InterfaceTypeDefinition((InterfaceTypeDefinitionNode)node); break;
                case NodeKind.UnionTypeDefinition: UnionTypeDefinition((UnionTypeDefinitionNode)node); break;
                case NodeKind.EnumTypeDefinition: EnumTypeDefinition((EnumTypeDefinitionNode)node); break;
                case NodeKind.EnumValueDefinition: EnumValueDefinition((EnumValueDefinitionNode)node); break;
                case NodeKind.InputObjectTypeDefinition: InputObjectTypeDefinition((InputObjectTypeDefinitionNode)node); break;
                case NodeKind.DirectiveDefinition: DirectiveDefinition((DirectiveDefinitionNode)node); break;
                case NodeKind.SchemaExtension: SchemaExtension((SchemaExtensionNode)node); break;
                case NodeKind.ScalarTypeExtension: ScalarTypeExtension((ScalarTypeExtensionNode)node); break;
                case NodeKind.ObjectTypeExtension: ObjectTypeExtension((ObjectTypeExtensionNode)node); break;
                case NodeKind.InterfaceTypeExtension: InterfaceTypeExtension((InterfaceTypeExtensionNode)node); break;
                case NodeKind.UnionTypeExtension: UnionTypeExtension((UnionTypeExtensionNode)node); break;
                case NodeKind.EnumTypeExtension: EnumTypeExtension((EnumTypeExtensionNode)node); break;
                case NodeKind.InputObjectTypeExtension: InputObjectTypeExtension((InputObjectTypeExtensionNode)node); break;
                default: throw new ArgumentOutOfRangeException(nameof(node), node.Kind, "Unknown node kind.");
            }
        }

        private void Document(DocumentNode node)
        {
            for (var i = 0; i < node.Definitions.Count; i++)
            {
                if (i > 0)
                {
                    NewLine();
                    NewLine();
                }

                Node(node.Definitions[i]);
            }
        }

        private void OperationDefinition(OperationDefinitionNode node)
        {
            var isShorthand = node.Operation == OperationType.Query && node.Name is null && node.Description is null
                && node.VariableDefinitions.Count == 0 && node.Directives.Count == 0;
            if (!isShorthand)
            {
                Description(node.Description);
                Write(node.Operation.ToKeyword());
                if (node.Name is not null)
                {
                    Write(' ');
                    Write(node.Name.Value);
                }

                if (node.VariableDefinitions.Count > 0)
                {
                    if (node.Name is null)
                    {
                        Write(' ');
                    }

                    Parenthesized(node.VariableDefinitions, HasDescriptions(node.VariableDefinitions));
                }

                Directives(node.Directives);
                Write(' ');
            }

            SelectionSet(node.SelectionSet);
        }

        private void VariableDefinition(VariableDefinitionNode node)
        {
            Description(node.Description);
            Write('$');
            Write(node.Variable.Name.Value);
            Write(": ");
            Node(node.Type);
            DefaultValue(node.DefaultValue);
            Directives(node.Directives);
        }

        private void SelectionSet(SelectionSetNode node) => Block(node.Selections);

        private void Field(FieldNode node)
        {
            FlushIndent();
            var lineStart = _text.Length;
            if (node.Alias is not null)
            {
                Write(node.Alias.Value);
                Write(": ");
            }

            Write(node.Name.Value);
            if (node.Arguments.Count > 0)
            {
                var argumentsStart = _text.Length;
                Parenthesized(node.Arguments, multiline: false);
                if (_text.Length - lineStart > MaxLineLength)
                {
                    _text.Length = argumentsStart;
                    Parenthesized(node.Arguments, multiline: true);
                }
            }

            Directives(node.Directives);
            if (node.SelectionSet is not null)
            {
                Write(' ');
                SelectionSet(node.SelectionSet);
            }
        }

        private void Argument(ArgumentNode node)
        {
            Write(node.Name.Value);
            Write(": ");
            Node(node.Value);
        }

        private void FragmentSpread(FragmentSpreadNode node)
        {
            Write("...");
            Write(node.Name.Value);
            Directives(node.Directives);
        }

        private void InlineFragment(InlineFragmentNode node)
        {
            Write("...");
            if (node.TypeCondition is not null)
            {
                Write(" on ");
                Write(node.TypeCondition.Name.Value);
            }

            Directives(node.Directives);
            Write(' ');
            SelectionSet(node.SelectionSet);
        }

        private void FragmentDefinition(FragmentDefinitionNode node)
        {
            Description(node.Description);
            Write("fragment ");
            Write(node.Name.Value);
            Write(" on ");
            Write(node.TypeCondition.Name.Value);
            Directives(node.Directives);
            Write(' ');
            SelectionSet(node.SelectionSet);
        }

        private void StringValue(StringValueNode node)
        {
            if (node.IsBlock && BlockString.CanPrintAsBlock(node.Value))
            {
                BlockStringValue(node.Value);
            }
            else
            {
                QuotedString(node.Value);
            }
        }

        // A single line stays between the delimiters, with a line break before the closing ones when the
        // value ends in a quote or backslash (which would otherwise merge with them). Several lines go
        // between delimiters on lines of their own; the surrounding indentation is removed again by
        // BlockStringValue() when the text is read back.
        private void BlockStringValue(string value)
        {
            Write("\"\"\"");
            if (!value.Contains('\n', StringComparison.Ordinal))
            {
                WriteEscapingTripleQuotes(value);
                if (value.EndsWith('"') || value.EndsWith('\\'))
                {
                    NewLine();
                }
            }
            else
            {
                var lineStart = 0;
                while (lineStart <= value.Length)
                {
                    var lineEnd = value.IndexOf('\n', lineStart);
                    if (lineEnd < 0)
                    {
                        lineEnd = value.Length;
                    }

                    NewLine();
                    WriteEscapingTripleQuotes(value[lineStart..lineEnd]);
                    lineStart = lineEnd + 1;
                }

                NewLine();
            }

            Write("\"\"\"");
        }

        private void WriteEscapingTripleQuotes(string text) =>
            Write(text.Contains("\"\"\"", StringComparison.Ordinal) ? text.Replace("\"\"\"", "\\\"\"\"", StringComparison.Ordinal) : text);

        private void QuotedString(string value)
        {
            FlushIndent();
            _text.Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': _text.Append("\\\""); break;
                    case '\\': _text.Append("\\\\"); break;
                    case '\b': _text.Append("\\b"); break;
                    case '\f': _text.Append("\\f"); break;
                    case '\n': _text.Append("\\n"); break;
                    case '\r': _text.Append("\\r"); break;
                    case '\t': _text.Append("\\t"); break;
                    case < ' ' or (>= '\u007F' and <= '\u009F'):
                        _text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                        break;
                    default: _text.Append(c); break;
                }
            }

            _text.Append('"');
        }

        private void ObjectField(ObjectFieldNode node)
        {
            Write(node.Name.Value);
            Write(": ");
            Node(node.Value);
        }

        private void Directive(DirectiveNode node)
        {
            Write('@');
            Write(node.Name.Value);
            if (node.Arguments.Count > 0)
            {
                Parenthesized(node.Arguments, multiline: false);
            }
        }

        private void SchemaDefinition(SchemaDefinitionNode node)
        {
            Description(node.Description);
            Write("schema");
            Directives(node.Directives);
            Write(' ');
            Block(node.OperationTypes);
        }

        private void OperationTypeDefinition(OperationTypeDefinitionNode node)
        {
            Write(node.Operation.ToKeyword());
            Write(": ");
            Write(node.Type.Name.Value);
        }

        private void ScalarTypeDefinition(ScalarTypeDefinitionNode node)
        {
            Description(node.Description);
            Write("scalar ");
            Write(node.Name.Value);
            Directives(node.Directives);
        }

        private void ObjectTypeDefinition(ObjectTypeDefinitionNode node)
        {
            Description(node.Description);
            Write("type ");
            Write(node.Name.Value);
            ImplementsInterfaces(node.Interfaces);
            Directives(node.Directives);
            OptionalBlock(node.Fields);
        }

        private void FieldDefinition(FieldDefinitionNode node)
        {
            Description(node.Description);
            Write(node.Name.Value);
            if (node.Arguments.Count > 0)
            {
                Parenthesized(node.Arguments, HasDescriptions(node.Arguments));
            }

            Write(": ");
            Node(node.Type);
            Directives(node.Directives);
        }

        private void InputValueDefinition(InputValueDefinitionNode node)
        {
            Description(node.Description);
            Write(node.Name.Value);
            Write(": ");
            Node(node.Type);
            DefaultValue(node.DefaultValue);
            Directives(node.Directives);
        }

        private void InterfaceTypeDefinition(InterfaceTypeDefinitionNode node)
        {
            Description(node.Description);
            Write("interface ");
            Write(node.Name.Value);
            ImplementsInterfaces(node.Interfaces);
            Directives(node.Directives);
            OptionalBlock(node.Fields);
        }

        private void UnionTypeDefinition(UnionTypeDefinitionNode node)
        {
            Description(node.Description);
            Write("union ");
            Write(node.Name.Value);
            Directives(node.Directives);
            UnionMemberTypes(node.Types);
        }

        private void EnumTypeDefinition(EnumTypeDefinitionNode node)
        {
            Description(node.Description);
            Write("enum ");
            Write(node.Name.Value);
            Directives(node.Directives);
            OptionalBlock(node.Values);
        }

        private void EnumValueDefinition(EnumValueDefinitionNode node)
        {
            Description(node.Description);
            Write(node.Name.Value);
            Directives(node.Directives);
        }

        private void InputObjectTypeDefinition(InputObjectTypeDefinitionNode node)
        {
            Description(node.Description);
            Write("input ");
            Write(node.Name.Value);
            Directives(node.Directives);
            OptionalBlock(node.Fields);
        }

        private void DirectiveDefinition(DirectiveDefinitionNode node)
        {
            Description(node.Description);
            Write("directive @");
            Write(node.Name.Value);
            if (node.Arguments.Count > 0)
            {
                Parenthesized(node.Arguments, HasDescriptions(node.Arguments));
            }

            if (node.IsRepeatable)
            {
                Write(" repeatable");
            }

            Write(" on ");
            for (var i = 0; i < node.Locations.Count; i++)
            {
                if (i > 0)
                {
                    Write(" | ");
                }

                Write(node.Locations[i].ToSpecName());
            }
        }

        private void SchemaExtension(SchemaExtensionNode node)
        {
            Write("extend schema");
            Directives(node.Directives);
            OptionalBlock(node.OperationTypes);
        }

        private void ScalarTypeExtension(ScalarTypeExtensionNode node)
        {
            Write("extend scalar ");
            Write(node.Name.Value);
            Directives(node.Directives);
        }

        private void ObjectTypeExtension(ObjectTypeExtensionNode node)
        {
            Write("extend type ");
            Write(node.Name.Value);
            ImplementsInterfaces(node.Interfaces);
            Directives(node.Directives);
            OptionalBlock(node.Fields);
        }

        private void InterfaceTypeExtension(InterfaceTypeExtensionNode node)
        {
            Write("extend interface ");
            Write(node.Name.Value);
            ImplementsInterfaces(node.Interfaces);
            Directives(node.Directives);
            OptionalBlock(node.Fields);
        }

        private void UnionTypeExtension(UnionTypeExtensionNode node)
        {
            Write("extend union ");
            Write(node.Name.Value);
            Directives(node.Directives);
            UnionMemberTypes(node.Types);
        }

        private void EnumTypeExtension(EnumTypeExtensionNode node)
        {
            Write("extend enum ");
            Write(node.Name.Value);
            Directives(node.Directives);
            OptionalBlock(node.Values);
        }

        private void InputObjectTypeExtension(InputObjectTypeExtensionNode node)
        {
            Write("extend input ");
            Write(node.Name.Value);
            Directives(node.Directives);
            OptionalBlock(node.Fields);
        }

        private void Description(StringValueNode? description)
        {
            if (description is not null)
            {
                StringValue(description);
                NewLine();
            }
        }

        private void DefaultValue(IValueNode? value)
        {
            if (value is not null)
            {
                Write(" = ");
                Node(value);
            }
        }

        private void Directives(IReadOnlyList<DirectiveNode> directives)
        {
            foreach (var directive in directives)
            {
                Write(' ');
                Directive(directive);
            }
        }

        private void ImplementsInterfaces(IReadOnlyList<NamedTypeNode> interfaces)
        {
            for (var i = 0; i < interfaces.Count; i++)
            {
                Write(i == 0 ? " implements " : " & ");
                Write(interfaces[i].Name.Value);
            }
        }

        private void UnionMemberTypes(IReadOnlyList<NamedTypeNode> types)
        {
            for (var i = 0; i < types.Count; i++)
            {
                Write(i == 0 ? " = " : " | ");
                Write(types[i].Name.Value);
            }
        }

        private void OptionalBlock<T>(IReadOnlyList<T> items)
            where T : INode
        {
            if (items.Count > 0)
            {
                Write(' ');
                Block(items);
            }
        }

        // { item \n item } with the items indented one level.
        private void Block<T>(IReadOnlyList<T> items)
            where T : INode
        {
            Write('{');
            _indent++;
            foreach (var item in items)
            {
                NewLine();
                Node(item);
            }

            _indent--;
            NewLine();
            Write('}');
        }

        // (a, b) on one line, or one item per line when multiline.
        private void Parenthesized<T>(IReadOnlyList<T> items, bool multiline)
            where T : INode
        {
            Write('(');
            if (multiline)
            {
                _indent++;
                foreach (var item in items)
                {
                    NewLine();
                    Node(item);
                }

                _indent--;
                NewLine();
            }
            else
            {
                for (var i = 0; i < items.Count; i++)
                {
                    if (i > 0)
                    {
                        Write(", ");
                    }

                    Node(items[i]);
                }
            }

            Write(')');
        }

        private void Bracketed<T>(char open, IReadOnlyList<T> items, char close)
            where T : INode
        {
            Write(open);
            for (var i = 0; i < items.Count; i++)
            {
                if (i > 0)
                {
                    Write(", ");
                }

                Node(items[i]);
            }

            Write(close);
        }

        private static bool HasDescriptions<T>(IReadOnlyList<T> items)
            where T : IHasDescription
        {
            foreach (var item in items)
            {
                if (item.Description is not null)
                {
                    return true;
                }
            }

            return false;
        }

        private void Write(string text)
        {
            if (text.Length > 0)
            {
                FlushIndent();
                _text.Append(text);
            }
        }

        private void Write(char c)
        {
            FlushIndent();
            _text.Append(c);
        }

        private void NewLine()
        {
            _text.Append('\n');
            _atLineStart = true;
        }

        private void FlushIndent()
        {
            if (_atLineStart)
            {
                _text.Append(' ', _indent * 2);
                _atLineStart = false;
            }
        }
    }
}
