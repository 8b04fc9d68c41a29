import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { ServerKind } from './benchClients.ts';

/** The Yjs servers compared, and the plain websocket relay that gives the floor. */
export type BenchServerKind = ServerKind | 'echo';

/** A measured server in its own process (see benchServers/control.ts for the protocol). */
export interface BenchServer {
	kind: BenchServerKind;
	ready: {
		url: string;
		meetings?: string[];
		cookies?: string[];
		database?: string;
		/** Coplan's database, for a second instance to join (benchServers/coplan.ts). */
		databaseUrl?: string;
		/** The server never unloads a document once opened. */
		keepsDocuments?: boolean;
	};
	/** Event-loop delay since the last call, in ms, and the documents held in memory. */
	lag(): Promise<{
		lagP50: number;
		lagP99: number;
		lagMax: number;
		documents: number;
		/** JavaScript heap in use, and memory held by buffers (update bytes, sockets). */
		heapMb: number;
		buffersMb: number;
	}>;
	/** CPU time the process has used, user and system, in seconds. */
	/** The JavaScript heap in use after a full garbage collection, in MB: what is kept. */
	heapAfterGcMb(): Promise<number>;
	cpuSeconds(): number;
	rssMb(): number;
	stop(): Promise<void>;
}

const SCRIPTS: Record<BenchServerKind, string[]> = {
	// Coplan's server code is loaded as the app loads it (through Vite's SSR graph).
	coplan: ['scripts/lib/viteRun.ts', 'scripts/lib/benchServers/coplan.ts'],
	hocuspocus: ['scripts/lib/benchServers/hocuspocus.ts'],
	'y-websocket': ['scripts/lib/benchServers/yWebsocket.ts'],
	echo: ['scripts/lib/benchServers/echo.ts']
};

function procStat(pid: number): string[] {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	// Fields after the command name, which may hold spaces, in brackets.
	return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

export async function startBenchServer(
	kind: BenchServerKind,
	env: Record<string, string> = {}
): Promise<BenchServer> {
	// BENCH_CPU_PROF=dir: each server profiles itself there (benchServers/control.ts).
	// --expose-gc: the soak asks each server what its heap keeps after a full collection.
	const child: ChildProcess = spawn(process.execPath, ['--expose-gc', ...SCRIPTS[kind]], {
		env: { ...process.env, ...env },
		stdio: ['pipe', 'pipe', 'inherit']
	});
	const pid = child.pid;
	if (!pid || !child.stdout || !child.stdin) throw new Error(`${kind} did not start`);
	const stdin = child.stdin;
	const lines = createInterface({ input: child.stdout });
	const waiting: {
		resolve: (line: Record<string, unknown>) => void;
		reject: (error: Error) => void;
	}[] = [];
	lines.on('line', (line) => {
		if (!line.startsWith('{')) return;
		waiting.shift()?.resolve(JSON.parse(line) as Record<string, unknown>);
	});
	child.once('exit', (code) => {
		for (const waiter of waiting.splice(0)) waiter.reject(new Error(`${kind} exited (${code})`));
	});
	const nextLine = () =>
		new Promise<Record<string, unknown>>((resolve, reject) => waiting.push({ resolve, reject }));
	const ready = (await nextLine()) as unknown as BenchServer['ready'];
	const ticksPerSecond = 100;
	return {
		kind,
		ready,
		async heapAfterGcMb() {
			const answer = nextLine();
			stdin.write('gc\n');
			return ((await answer) as { heapMb: number }).heapMb;
		},
		async lag() {
			const answer = nextLine();
			stdin.write('stats\n');
			return (await answer) as unknown as Awaited<ReturnType<BenchServer['lag']>>;
		},
		cpuSeconds() {
			const fields = procStat(pid);
			return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
		},
		rssMb() {
			const status = readFileSync(`/proc/${pid}/status`, 'utf8');
			const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
			return Math.round(kb / 1024);
		},
		async stop() {
			const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
			stdin.write('quit\n');
			const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
			await exited;
			clearTimeout(timer);
		}
	};
}
