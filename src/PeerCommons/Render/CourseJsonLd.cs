using System.Text.Json;
using System.Text.Json.Nodes;
using PeerCommons.Model;

namespace PeerCommons.Render;

/// <summary>schema.org Course data for a curriculum page, so search engines and course catalogues understand it.</summary>
public static class CourseJsonLd
{
    public static string For(Entry curriculum, RenderContext context)
    {
        var site = context.Site;
        var course = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Course",
            ["name"] = curriculum.Title,
            ["description"] = curriculum.Summary,
            ["inLanguage"] = site.Config.Language,
        };
        if (site.Config.BaseUrl is { } baseUrl) course["url"] = baseUrl + curriculum.Url;
        if (curriculum.Field<string>("provider") is { } provider)
            course["provider"] = new JsonObject { ["@type"] = "Organization", ["name"] = provider };
        if (curriculum.Field<string>("accreditation") is { } accreditation) course["educationalCredentialAwarded"] = accreditation;
        if (curriculum.Field<string>("audience") is { } audience)
            course["audience"] = new JsonObject { ["@type"] = "Audience", ["audienceType"] = audience };
        var modules = new JsonArray();
        foreach (var module in site.ModulesOf(curriculum.Id))
        {
            var part = new JsonObject { ["@type"] = "Syllabus", ["name"] = module.Title };
            if (module.Field<int>("duration_minutes") is > 0 and var minutes) part["timeRequired"] = $"PT{minutes}M";
            modules.Add(part);
        }
        if (modules.Count > 0) course["syllabusSections"] = modules;
        var total = site.TotalMinutes(curriculum.Id);
        if (total > 0) course["timeRequired"] = $"PT{total}M";
        // The default encoder escapes '<', '>' and '&', so the JSON cannot close its script element.
        return course.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
