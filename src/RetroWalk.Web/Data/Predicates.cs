using System.Linq.Expressions;

namespace RetroWalk.Web.Data;

/// <summary>Query conditions put together at run time, for filters whose number of terms depends on the data.</summary>
public static class Predicates
{
    /// <summary><paramref name="left"/> or <paramref name="right"/>, as one condition the database can run.</summary>
    public static Expression<Func<T, bool>> Or<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right)
    {
        var parameter = left.Parameters[0];
        var body = new Rebind(right.Parameters[0], parameter).Visit(right.Body);
        return Expression.Lambda<Func<T, bool>>(Expression.OrElse(left.Body, body), parameter);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
