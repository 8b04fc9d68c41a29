import { expect } from 'vitest';

/**
 * A reader for what we write, following RFC 5545 rather than our writer: unfold lines
 * (CRLF followed by one space), split name, parameters and value, unescape TEXT.
 */
export function unfold(content: string): string[] {
	expect(content.endsWith('\r\n')).toBe(true);
	expect(content.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
	return content.replace(/\r\n /g, '').split('\r\n').slice(0, -1);
}

export interface Property {
	name: string;
	params: Record<string, string>;
	value: string;
}

export function parseLine(line: string): Property {
	// The value starts at the first colon outside a quoted parameter value.
	let quoted = false;
	let colon = -1;
	for (let i = 0; i < line.length; i++) {
		if (line[i] === '"') quoted = !quoted;
		else if (line[i] === ':' && !quoted) {
			colon = i;
			break;
		}
	}
	const [name = '', ...params] = line.slice(0, colon).split(';');
	return {
		name,
		params: Object.fromEntries(params.map((p) => p.split('=') as [string, string])),
		value: line.slice(colon + 1)
	};
}

export function unescapeText(value: string): string {
	return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c.toLowerCase() === 'n' ? '\n' : c));
}

export function parseCalendar(content: string) {
	const properties = unfold(content).map(parseLine);
	const get = (name: string) => properties.find((p) => p.name === name);
	const all = (name: string) => properties.filter((p) => p.name === name);
	return {
		properties,
		get,
		all,
		text: (name: string) => unescapeText(get(name)?.value ?? '')
	};
}
