using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.Validation;

/// <summary>
/// One validation rule (spec §5). A rule is stateless; for each document it creates a visitor that
/// sees every node of the one walk all rules share, with <see cref="ValidationContext.TypeInfo"/>
/// describing where in the schema the walk is.
/// </summary>
public interface IValidationRule
{
    /// <summary>The rule's name, after the specification's title for it (for example <c>FieldSelectionMerging</c>); errors carry it as <c>extensions.rule</c>.</summary>
    string Name { get; }

    /// <summary>Creates the visitor that checks one document.</summary>
    /// <param name="context">The document, the schema, and where errors go.</param>
    ValidationRuleVisitor CreateVisitor(ValidationContext context);
}

/// <summary>
/// The visitor of one <see cref="IValidationRule"/> for one document: override the typed hooks of
/// <see cref="AstVisitor"/> and report with <see cref="ReportError(string, INode?)"/>.
/// </summary>
/// <param name="rule">The rule the visitor checks; its name labels the errors.</param>
/// <param name="context">The validation under way.</param>
public abstract class ValidationRuleVisitor(IValidationRule rule, ValidationContext context) : AstVisitor
{
    /// <summary>The validation under way.</summary>
    protected ValidationContext Context { get; } = context;

    /// <summary>Where in the schema the walk is.</summary>
    protected TypeInfo TypeInfo => Context.TypeInfo;

    /// <summary>Reports an error located at one node (or at none).</summary>
    /// <param name="message">The message, for people.</param>
    /// <param name="node">The node the error is about.</param>
    protected void ReportError(string message, INode? node) => Context.ReportError(rule.Name, message, [node]);

    /// <summary>Reports an error located at two nodes, such as a duplicate and its original.</summary>
    /// <param name="message">The message, for people.</param>
    /// <param name="first">The first node.</param>
    /// <param name="second">The second node.</param>
    protected void ReportError(string message, INode? first, INode? second) => Context.ReportError(rule.Name, message, [first, second]);

    /// <summary>Reports an error located at several nodes.</summary>
    /// <param name="message">The message, for people.</param>
    /// <param name="nodes">The nodes the error is about, in the order their locations are listed.</param>
    protected void ReportError(string message, IReadOnlyList<INode> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        Context.ReportError(rule.Name, message, nodes);
    }
}
