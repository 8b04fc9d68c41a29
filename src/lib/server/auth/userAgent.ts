/**
 * A device described in plain words from its User-Agent header ("Chrome on Windows"),
 * for the signed-in devices page. Deliberately rough: people need to recognise their
 * own devices, not read version numbers.
 */

const BROWSERS: [RegExp, string][] = [
	// Order matters: Edge, Opera and Samsung Internet also say "Chrome"; Chrome also says "Safari".
	[/\bEdg(e|A|iOS)?\//, 'Microsoft Edge'],
	[/\b(OPR|Opera)\//, 'Opera'],
	[/\bSamsungBrowser\//, 'Samsung Internet'],
	[/\b(Firefox|FxiOS)\//, 'Firefox'],
	[/\b(HeadlessChrome|Chrome|CriOS|Chromium)\//, 'Chrome'],
	[/\bVersion\/[\d.]+.*\bSafari\//, 'Safari']
];

const SYSTEMS: [RegExp, string][] = [
	[/\biPhone\b/, 'an iPhone'],
	[/\biPad\b/, 'an iPad'],
	[/\bAndroid\b/, 'Android'],
	[/\bCrOS\b/, 'a Chromebook'],
	[/\bWindows\b/, 'Windows'],
	[/\bMacintosh\b|\bMac OS X\b/, 'a Mac'],
	[/\bLinux\b/, 'Linux']
];

function firstMatch(userAgent: string, table: [RegExp, string][]): string | null {
	return table.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;
}

export function describeUserAgent(userAgent: string | null | undefined): string {
	if (!userAgent) return 'An unknown device';
	const browser = firstMatch(userAgent, BROWSERS);
	const system = firstMatch(userAgent, SYSTEMS);
	if (browser && system) return `${browser} on ${system}`;
	if (browser) return browser;
	if (system) return `A browser on ${system}`;
	return 'An unknown device';
}
