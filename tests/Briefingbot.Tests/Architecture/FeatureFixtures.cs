// Two tiny "features" for FeatureCycleTests.Detector_reads_fully_qualified_uses_from_the_assembly: A names B only
// fully qualified inside a method body, which a reader of using directives alone would miss.

namespace Briefingbot.Tests.Architecture.FeatureFixtureA
{
    internal static class Caller
    {
        public static int Call() => Briefingbot.Tests.Architecture.FeatureFixtureB.Target.Value();
    }
}

namespace Briefingbot.Tests.Architecture.FeatureFixtureB
{
    internal static class Target
    {
        public static int Value() => 42;
    }
}
