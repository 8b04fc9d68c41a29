import { createServer, type Socket } from 'node:net';

/**
 * A tiny SMTP server for tests, listening on port 0 on the loopback interface. It speaks
 * just enough of RFC 5321 (EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) for nodemailer to
 * deliver a message over plain SMTP, and keeps every message it accepted.
 */
export interface ReceivedMail {
	from: string;
	to: string[];
	/** The message as sent (headers and body), with dot-stuffing undone. */
	data: string;
}

export interface SmtpTestServer {
	url: string;
	received: ReceivedMail[];
	/** Resolves with the next message accepted (or one already waiting). */
	nextMail(): Promise<ReceivedMail>;
	stop(): Promise<void>;
}

export interface SmtpTestServerOptions {
	/** Recipients refused with 550, to test delivery failures. */
	refuseRecipients?: string[];
}

const addressIn = (argument: string) => /<([^>]*)>/.exec(argument)?.[1] ?? argument.trim();

export async function startSmtpTestServer(
	options: SmtpTestServerOptions = {}
): Promise<SmtpTestServer> {
	const received: ReceivedMail[] = [];
	const waiting: ((mail: ReceivedMail) => void)[] = [];
	let delivered = 0;
	const sockets = new Set<Socket>();

	const accept = (mail: ReceivedMail) => {
		received.push(mail);
		const waiter = waiting.shift();
		if (waiter) {
			delivered += 1;
			waiter(mail);
		}
	};

	const server = createServer((socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.on('error', () => socket.destroy());
		socket.setEncoding('utf8');
		const reply = (line: string) => socket.write(`${line}\r\n`);
		let buffer = '';
		let envelope: { from: string; to: string[] } = { from: '', to: [] };
		let dataLines: string[] | null = null;

		const handleLine = (line: string) => {
			if (dataLines) {
				if (line === '.') {
					accept({ ...envelope, data: dataLines.join('\r\n') });
					envelope = { from: '', to: [] };
					dataLines = null;
					reply('250 2.0.0 Queued');
				} else {
					dataLines.push(line.startsWith('..') ? line.slice(1) : line);
				}
				return;
			}
			const [verb = '', ...rest] = line.split(' ');
			const argument = rest.join(' ');
			switch (verb.toUpperCase()) {
				case 'EHLO':
				case 'HELO':
					return reply('250 coplan-test-smtp');
				case 'MAIL':
					envelope = { from: addressIn(argument), to: [] };
					return reply('250 2.1.0 OK');
				case 'RCPT': {
					const recipient = addressIn(argument);
					if (options.refuseRecipients?.includes(recipient)) {
						return reply('550 5.1.1 No such mailbox');
					}
					envelope.to.push(recipient);
					return reply('250 2.1.5 OK');
				}
				case 'DATA':
					dataLines = [];
					return reply('354 End data with <CR><LF>.<CR><LF>');
				case 'RSET':
					envelope = { from: '', to: [] };
					return reply('250 2.0.0 OK');
				case 'NOOP':
					return reply('250 2.0.0 OK');
				case 'QUIT':
					reply('221 2.0.0 Bye');
					socket.end();
					return;
				default:
					return reply('502 5.5.2 Command not implemented');
			}
		};

		socket.on('data', (chunk: string) => {
			buffer += chunk;
			let end = buffer.indexOf('\r\n');
			while (end !== -1) {
				handleLine(buffer.slice(0, end));
				buffer = buffer.slice(end + 2);
				end = buffer.indexOf('\r\n');
			}
		});
		reply('220 coplan-test-smtp ESMTP');
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const address = server.address();
	if (address === null || typeof address === 'string') throw new Error('no TCP address');

	return {
		url: `smtp://127.0.0.1:${address.port}`,
		received,
		nextMail() {
			const ready = received[delivered];
			if (ready) {
				delivered += 1;
				return Promise.resolve(ready);
			}
			return new Promise((resolve) => waiting.push(resolve));
		},
		async stop() {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	};
}
