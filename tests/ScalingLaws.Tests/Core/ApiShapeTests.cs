using System.Reflection;
using System.Runtime.CompilerServices;

namespace ScalingLaws.Tests.Core;

/// <summary>API-shape rules checked by reflection (style.md; NodaTime's MutabilityTest, ScottPlot's code tests).</summary>
public class ApiShapeTests
{
    private static readonly Assembly Library = typeof(ScalingLawFitter).Assembly;

    private static IEnumerable<Type> PublicTypes => Library.GetExportedTypes();

    [Fact]
    public void PublicClasses_AreSealedStaticOrAbstract()
    {
        var open = PublicTypes
            .Where(t => t.IsClass && !t.IsAbstract && !t.IsSealed && !typeof(Delegate).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .ToList();

        open.Should().BeEmpty("types are sealed unless designed for inheritance (then abstract)");
    }

    [Fact]
    public void ResultTypes_AreSealedWithoutPublicSetters()
    {
        // Every public class except options records and the fit-report records (serialisation documents with init-only
        // properties, checked below): immutable (no set or init accessors, no writable fields).
        Type[] coreResults = [typeof(FitResult), typeof(FitDiagnostics), typeof(MultiStartSummary), typeof(ParameterMatrix),
            typeof(Observations), typeof(LawParameter), typeof(LawInput), typeof(LawInputs), typeof(LossFunction), typeof(StartStrategy)];
        var classes = PublicTypes
            .Where(t => t.IsClass && !t.IsAbstract && !typeof(Delegate).IsAssignableFrom(t) && !typeof(Exception).IsAssignableFrom(t)
                && !t.Name.EndsWith("Options", StringComparison.Ordinal) && !t.Name.StartsWith("FitReport", StringComparison.Ordinal))
            .ToList();
        classes.Should().Contain(coreResults);

        var violations = classes.Where(t => !t.IsSealed).Select(t => $"{t.FullName} is not sealed")
            .Concat(classes.SelectMany(t => Setters(t, allowInit: false)))
            .ToList();

        violations.Should().BeEmpty();
    }

    [Fact]
    public void PublicStructs_AreReadOnlyWithoutMutableSetters()
    {
        // Value types may be positional readonly record structs (init accessors create copies), but never mutable.
        var violations = PublicTypes
            .Where(t => t.IsValueType && !t.IsEnum)
            .SelectMany(t => (t.IsDefined(typeof(IsReadOnlyAttribute), inherit: false) ? [] : new[] { $"{t.FullName} is not a readonly struct" })
                .Concat(Setters(t, allowInit: true)))
            .ToList();

        violations.Should().BeEmpty();
    }

    [Fact]
    public void OptionsRecords_HaveInitOnlyProperties()
    {
        var violations = PublicTypes
            .Where(t => t.IsClass && (t.Name.EndsWith("Options", StringComparison.Ordinal) || t.Name.StartsWith("FitReport", StringComparison.Ordinal)))
            .SelectMany(t => (t.IsSealed ? [] : new[] { $"{t.FullName} is not sealed" }).Concat(Setters(t, allowInit: true)))
            .ToList();

        violations.Should().BeEmpty();
    }

    [Fact]
    public void FitResult_ExposesNoArrays()
    {
        // "Members returning arrays should return copies": collections are exposed as read-only interfaces.
        var arrays = typeof(FitResult).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType.IsArray)
            .Select(p => p.Name);

        arrays.Should().BeEmpty();
    }

    [Fact]
    public void PublicTestMethods_HaveFactOrTheory()
    {
        var missing = MethodsWithoutFact(typeof(ApiShapeTests).Assembly.GetExportedTypes());

        missing.Should().BeEmpty("a public method without [Fact] or [Theory] in a test class is silently never run");
    }

    [Fact]
    public void MethodsWithoutFact_ForgottenAttribute_IsFound()
    {
        // The check above must be able to fail (the xUnit1013 analyzer normally stops such code from compiling).
        MethodsWithoutFact([typeof(ForgottenAttributeSample)]).Should().Equal($"{typeof(ForgottenAttributeSample).FullName}.Forgotten");
        MethodsWithoutFact([typeof(ApiShapeTests)]).Should().BeEmpty("[Fact] and [Theory] methods are recognised");
    }

    [Fact]
    public void TestMethods_AreNotAsyncVoid()
    {
        var asyncVoid = typeof(ApiShapeTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.IsDefined(typeof(FactAttribute), inherit: true) && m.ReturnType == typeof(void) && m.IsDefined(typeof(AsyncStateMachineAttribute), inherit: false))
            .Select(m => $"{m.DeclaringType!.FullName}.{m.Name}");

        asyncVoid.Should().BeEmpty();
    }

    private static IEnumerable<string> Setters(Type type, bool allowInit)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
        {
            var setter = property.SetMethod;
            if (setter is null || !setter.IsPublic)
            {
                continue;
            }

            var isInit = setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
            if (!(allowInit && isInit))
            {
                yield return $"{type.FullName}.{property.Name} has a public {(isInit ? "init" : "set")} accessor";
            }
        }

        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
        {
            if (!field.IsInitOnly && !field.IsLiteral)
            {
                yield return $"{type.FullName}.{field.Name} is a writable public field";
            }
        }
    }

    private static List<string> MethodsWithoutFact(IEnumerable<Type> types) => types
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        .Where(m => !m.IsSpecialName && !IsInterfaceImplementation(m) && !m.IsDefined(typeof(FactAttribute), inherit: true))
        .Select(m => $"{m.DeclaringType!.FullName}.{m.Name}")
        .ToList();

    private static bool IsInterfaceImplementation(MethodInfo method)
        => method.DeclaringType!.GetInterfaces()
            .Where(i => !i.IsGenericType || !i.ContainsGenericParameters)
            .Any(i => method.DeclaringType.GetInterfaceMap(i).TargetMethods.Contains(method));

    private sealed class ForgottenAttributeSample
    {
        public int Forgotten() => GetHashCode();
    }
}
