using System.Collections;
using System.Linq.Expressions;
using System.Text;

namespace CorpusBot.Core.Storage.Vectors;

/// <summary>
/// Translates a simple record predicate into a SQL condition over <c>e</c> (embeddings) and <c>c</c> (chunks):
/// comparisons of <see cref="ChunkVectorRecord.ChunkId"/>, <see cref="ChunkVectorRecord.DocumentId"/> or
/// <see cref="ChunkVectorRecord.ModelId"/> with values, <c>&amp;&amp;</c>, <c>||</c>, <c>!</c> and
/// <c>values.Contains(r.DocumentId)</c>. Anything else throws <see cref="NotSupportedException"/>.
/// </summary>
internal sealed class RecordFilterSql
{
    private readonly StringBuilder sql = new();
    private readonly List<KeyValuePair<string, object>> parameters = [];

    private RecordFilterSql()
    {
    }

    public static (string Sql, IReadOnlyList<KeyValuePair<string, object>> Parameters) Translate(Expression<Func<ChunkVectorRecord, bool>> filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var translator = new RecordFilterSql();
        translator.Visit(filter.Body);
        return (translator.sql.ToString(), translator.parameters);
    }

    internal static string Column(Expression expression) => Unwrap(expression) switch
    {
        MemberExpression { Member.Name: nameof(ChunkVectorRecord.ChunkId), Expression: ParameterExpression } => "e.chunk_id",
        MemberExpression { Member.Name: nameof(ChunkVectorRecord.DocumentId), Expression: ParameterExpression } => "c.document_id",
        MemberExpression { Member.Name: nameof(ChunkVectorRecord.ModelId), Expression: ParameterExpression } => "e.model_id",
        var other => throw Unsupported(other),
    };

    private void Visit(Expression node)
    {
        switch (Unwrap(node))
        {
            case BinaryExpression { NodeType: ExpressionType.AndAlso or ExpressionType.OrElse } logical:
                sql.Append('(');
                Visit(logical.Left);
                sql.Append(logical.NodeType == ExpressionType.AndAlso ? " AND " : " OR ");
                Visit(logical.Right);
                sql.Append(')');
                break;
            case UnaryExpression { NodeType: ExpressionType.Not } not:
                sql.Append("NOT (");
                Visit(not.Operand);
                sql.Append(')');
                break;
            case BinaryExpression comparison when Operator(comparison.NodeType) is { } op:
                var (column, value) = IsRecordMember(comparison.Left)
                    ? (Column(comparison.Left), Evaluate(comparison.Right))
                    : (Column(comparison.Right), Evaluate(comparison.Left));
                if (!IsRecordMember(comparison.Left))
                {
                    op = Mirror(op);
                }

                sql.Append(column).Append(value is null ? (op == "=" ? " IS NULL" : " IS NOT NULL") : $" {op} {Parameter(value)}");
                break;
            case MethodCallExpression { Method.Name: "Contains" } call when ContainsParts(call) is var (source, member):
                var values = ((IEnumerable?)Evaluate(source) ?? Array.Empty<object>()).Cast<object>().Select(Parameter);
                sql.Append(Column(member)).Append(" IN (").AppendJoin(", ", values).Append(')');
                break;
            case ConstantExpression { Value: bool constant }:
                sql.Append(constant ? "1" : "0");
                break;
            case var other:
                throw Unsupported(other);
        }
    }

    private string Parameter(object value)
    {
        var name = $"$f{parameters.Count}";
        parameters.Add(new(name, value));
        return name;
    }

    private static (Expression Source, Expression Member)? ContainsParts(MethodCallExpression call) => call switch
    {
        { Object: null, Arguments: [var source, var member] } => (Unwrap(source), member),
        { Object: { } source, Arguments: [var member] } => (source, member),
        _ => null,
    };

    private static bool IsRecordMember(Expression expression) => Unwrap(expression) is MemberExpression { Expression: ParameterExpression };

    /// <summary>Evaluates a sub-expression that does not depend on the record: a constant or a captured variable.</summary>
    private static object? Evaluate(Expression expression)
    {
        expression = Unwrap(expression);
        return expression is ConstantExpression constant
            ? constant.Value
            : Expression.Lambda<Func<object?>>(Expression.Convert(expression, typeof(object))).Compile(preferInterpretation: true)();
    }

    /// <summary>Strips conversions: boxing, nullable lifting, and C# 14's implicit array-to-span conversion.</summary>
    private static Expression Unwrap(Expression expression) => expression switch
    {
        UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert => Unwrap(convert.Operand),
        MethodCallExpression { Method.Name: "op_Implicit", Arguments: [var operand] } => Unwrap(operand),
        _ => expression,
    };

    private static string? Operator(ExpressionType type) => type switch
    {
        ExpressionType.Equal => "=",
        ExpressionType.NotEqual => "<>",
        ExpressionType.LessThan => "<",
        ExpressionType.LessThanOrEqual => "<=",
        ExpressionType.GreaterThan => ">",
        ExpressionType.GreaterThanOrEqual => ">=",
        _ => null,
    };

    private static string Mirror(string op) => op switch
    {
        "<" => ">",
        "<=" => ">=",
        ">" => "<",
        ">=" => "<=",
        _ => op,
    };

    private static NotSupportedException Unsupported(Expression expression) => new(
        $"The SQLite vector collection cannot filter on '{expression}'. Supported: ChunkId, DocumentId and ModelId compared " +
        "with values (==, !=, <, <=, >, >=), combined with &&, || and !, and values.Contains(r.DocumentId).");
}
