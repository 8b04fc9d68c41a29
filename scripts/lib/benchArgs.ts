/** The value of `--name=value` among the benchmark's arguments, if given. */
export function option(name: string): string | undefined {
	const prefix = `--${name}=`;
	return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}
