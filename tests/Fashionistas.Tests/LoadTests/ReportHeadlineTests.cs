using Fashionistas.LoadTests.Measurement;
using Fashionistas.LoadTests.Reporting;

namespace Fashionistas.Tests.LoadTests;

/// <summary>A report's first line says whether the run did what it was asked, not only whether the database was consistent.</summary>
public sealed class ReportHeadlineTests
{
    private static readonly VerificationResult Verified = new(true, [new VerificationCheck("sold + held <= capacity", true, "ok")]);

    [Fact]
    public void ASustainedRunThatDroppedMostArrivalsFailsEvenThoughTheDatabaseIsConsistent()
    {
        var report = Report(Verified,
            new GoalCheck("holds the rate of 6000/s for 15 s", "no drops", "33.0% completed, 60359 dropped", Met: false, Essential: true),
            new GoalCheck("tickets per hour", ">= 10,000", "6,000,000", Met: true));

        Assert.True(report.Failed);
        Assert.Equal("FAILED", report.Headline.Verdict);
        Assert.Contains("holds the rate of 6000/s for 15 s: NOT met (33.0% completed, 60359 dropped)", report.Headline.Detail, StringComparison.Ordinal);
        Assert.StartsWith("# sustained: FAILED", MarkdownReport.Render(report), StringComparison.Ordinal);
    }

    [Fact]
    public void AConsistentRunShortOfSomeTargetsSaysGoalsNotMetWithoutFailing()
    {
        var report = Report(Verified,
            new GoalCheck("durable holds per second", ">= 10,000", "6,123", Met: false),
            new GoalCheck("push p99", "< 250 ms", "109 ms", Met: true));

        Assert.False(report.Failed);
        Assert.Equal("goals not met", report.Headline.Verdict);
        Assert.Contains("1 of 2 goals met", report.Headline.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ARunMeetingEveryGoalOnAVerifiedDatabasePasses()
    {
        var report = Report(Verified, new GoalCheck("push p99", "< 250 ms", "109 ms", Met: true, Essential: true));

        Assert.False(report.Failed);
        Assert.Equal("passed", report.Headline.Verdict);
        Assert.Contains("database verified", report.Headline.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void AViolationFoundInTheDatabaseFailsTheRunWhateverTheGoals()
    {
        var report = Report(new VerificationResult(true, [new VerificationCheck("no ticket code twice", false, "2 duplicates")]),
            new GoalCheck("push p99", "< 250 ms", "109 ms", Met: true));

        Assert.True(report.Failed);
        Assert.Contains("1 database check(s) FAILED", report.Headline.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void AYesNoFigureReadsYesOrNoInTheReportNotOneOrZero()
    {
        var report = Report(Verified) with
        {
            Figures = [Figure.YesNo("held the rate", false, "nothing dropped"), new Figure("holds/s", 1706.4, "accepted holds per second")],
        };

        var markdown = MarkdownReport.Render(report);

        Assert.Contains("| held the rate | no |", markdown, StringComparison.Ordinal);
        Assert.Contains("| holds/s | 1,706 |", markdown, StringComparison.Ordinal);
        Assert.Equal("yes", Figure.YesNo("held the rate", true, "").Display());
    }

    private static LoadReport Report(VerificationResult verification, params GoalCheck[] goals) => new(
        "sustained", "sustained --rate 6000/s", DateTimeOffset.UnixEpoch, MachineInfo.Current(), "http://127.0.0.1:5000/",
        new Dictionary<string, string>(), [], new Dictionary<string, LatencySummary>(), new Dictionary<string, long>(),
        new Dictionary<string, long>(), null, verification, null, goals, [], []);
}
