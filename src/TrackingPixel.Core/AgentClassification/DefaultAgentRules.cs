namespace TrackingPixel;

/// <summary>The built-in rule file, kept as C# data so it needs no resource lookup and survives trimming.</summary>
/// <remarks>docs/privacy.md lists where each token comes from and how sure we are of it.</remarks>
internal static class DefaultAgentRules
{
    public const string Source = "built-in agent rules";

    public const string Text = """
        # CLASS        RULE                         first matching line wins
        # Mail providers' image proxies: they fetch images for the reader, so a hit may or may not be an open.
        mail-proxy     ua:GoogleImageProxy          # Gmail: "... (via ggpht.com GoogleImageProxy)"
        mail-proxy     ua:YahooMailProxy            # Yahoo Mail: "YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html"
        # Security scanners that name themselves. Most send an ordinary browser user agent and cannot be told
        # apart this way; these tokens are reported in public ESP write-ups, not documented by the vendors.
        scanner        ua:SafeLinks
        scanner        ua:Mimecast
        scanner        ua:Proofpoint
        scanner        ua:Barracuda
        # Headless browsers, crawlers and HTTP libraries.
        bot            ua:HeadlessChrome
        bot            ua:PhantomJS
        bot            ua:Googlebot
        bot            ua:bingbot
        bot            ua:bot/
        bot            ua:bot;
        bot            ua:bot)
        bot            ua:bot+
        bot            ua:spider
        bot            ua:crawler
        bot            ua:Slackbot
        bot            ua:TelegramBot
        bot            ua:facebookexternalhit
        bot            ua:curl/
        bot            ua:Wget/
        bot            ua:python-requests/
        bot            ua:Python-urllib/
        bot            ua:aiohttp/
        bot            ua:Go-http-client/
        bot            ua:okhttp/
        bot            ua:Apache-HttpClient/
        bot            ua:libwww-perl/
        bot            ua:node-fetch
        bot            ua:axios/
        bot            ua:Scrapy/
        bot            ua:Java/
        bot            ua-absent                    # browsers and mail clients always send one
        # Speculative fetches: the browser loaded the pixel without showing the page.
        prefetch       header:Sec-Purpose=prefetch  # Fetch standard; Chrome speculation rules
        prefetch       header:Purpose=prefetch      # Chrome's older prefetch header
        prefetch       header:X-Moz=prefetch        # Firefox link prefetching
        prefetch       header:X-Purpose=preview     # Safari Top Sites previews
        """;
}
