import { describe, expect, it } from 'vitest';
import { checkChildVoice, MAX_WORDS_LENGTH, readChildVoiceForm } from './childVoiceQuestions.ts';

function form(fields: Record<string, string>): FormData {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) data.set(name, value);
	return data;
}

describe('checking what the child gave', () => {
	it('keeps answered questions only, with faces only where the question has them', () => {
		const given = readChildVoiceForm(
			form({
				'feeling-school': 'happy',
				'words-school': '  I like the drums. ',
				'feeling-likes': 'sad',
				'words-helps': 'My signs',
				helpedBy: ' Mum '
			})
		);
		const result = checkChildVoice(given, false);
		expect(result).toEqual({
			ok: true,
			value: {
				helpedBy: 'Mum',
				answers: [
					{
						question: 'How do you feel about school?',
						feeling: 'happy',
						words: 'I like the drums.'
					},
					{ question: 'What helps you?', feeling: null, words: 'My signs' }
				]
			}
		});
	});

	it('ignores a made-up feeling', () => {
		const result = checkChildVoice(readChildVoiceForm(form({ 'feeling-school': 'angry' })), true);
		expect(result).toEqual({ ok: true, value: { helpedBy: '', answers: [] } });
	});

	it('asks for something when nothing was given, unless there is a picture', () => {
		expect(checkChildVoice(readChildVoiceForm(form({})), false)).toEqual({
			ok: false,
			problems: ['Please answer at least one question, or add a picture.']
		});
		expect(checkChildVoice(readChildVoiceForm(form({})), true).ok).toBe(true);
	});

	it('refuses a very long answer', () => {
		const result = checkChildVoice(
			readChildVoiceForm(form({ 'words-hard': 'a'.repeat(MAX_WORDS_LENGTH + 1) })),
			false
		);
		expect(result.ok).toBe(false);
	});
});
