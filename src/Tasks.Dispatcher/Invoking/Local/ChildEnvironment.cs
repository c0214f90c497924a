using System.Globalization;
using Tasks.Domain.Functions;

namespace Tasks.Dispatcher.Invoking.Local;

/// <summary>
/// The environment of a function's process, built from nothing: the few variables of the service's own environment the
/// options let through (PATH, HOME, LANG …), then the function's variables, then the AWS-Lambda-like ones the
/// runtime defines (which the function's cannot override).
/// </summary>
internal static class ChildEnvironment
{
    public static Dictionary<string, string> For(
        FunctionDefinition function, Guid taskId, LocalRuntime runtime, string codeDirectory, string scratchDirectory, LocalRuntimeOptions options)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in options.InheritedEnvironmentVariables)
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                environment[name] = value;
            }
        }

        environment["TMPDIR"] = scratchDirectory;
        if (runtime.Language == LocalLanguage.Python)
        {
            environment["PYTHONIOENCODING"] = "utf-8";
        }

        foreach (var (name, value) in function.Environment)
        {
            environment[name] = value;
        }

        environment["AWS_LAMBDA_FUNCTION_NAME"] = function.Name;
        environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = function.MemoryLimit.ToString(CultureInfo.InvariantCulture);
        environment["AWS_LAMBDA_FUNCTION_TIMEOUT"] = function.TimeLimit.ToString(CultureInfo.InvariantCulture);
        environment["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST";
        environment["AWS_EXECUTION_ENV"] = "AWS_Lambda_" + function.Runtime;
        environment["LAMBDA_TASK_ROOT"] = codeDirectory;
        environment["_HANDLER"] = function.EntryPoint;
        environment["TASK_ID"] = taskId.ToString();
        return environment;
    }
}
