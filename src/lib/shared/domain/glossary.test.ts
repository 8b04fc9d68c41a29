import { describe, expect, it } from 'vitest';
import { AcronymExpander, glossaryFor } from './glossary.ts';

describe('AcronymExpander', () => {
	it('explains each acronym the first time only, across the texts of one page', () => {
		const expander = new AcronymExpander();
		expect(expander.expand('The SaLT will visit.')).toBe(
			'The SaLT (speech and language therapist) will visit.'
		);
		expect(expander.expand('The SaLT and the OT agreed.')).toBe(
			'The SaLT and the OT (occupational therapist) agreed.'
		);
		expect(expander.used()).toEqual([
			{ term: 'SaLT', meaning: 'speech and language therapist' },
			{ term: 'OT', meaning: 'occupational therapist' }
		]);
	});

	it('matches whole words only and treats variants of one term as one', () => {
		const expander = new AcronymExpander();
		expect(expander.expand('SEND and SENCo, not SENDING')).toBe(
			'SEND (special educational needs and disabilities) and SENCo (special educational needs coordinator: the member of staff who organises support for special educational needs), not SENDING'
		);
		expect(expander.expand('The EHC plan, then the EHCP')).toBe(
			'The EHC plan (Education, Health and Care plan: a legal document saying what support a child must get), then the EHCP'
		);
		expect(expander.expand('LAST and TAPE')).toBe('LAST and TAPE');
	});

	it('leaves an acronym the writer already explained', () => {
		const expander = new AcronymExpander();
		expect(expander.expand('CAMHS (the mental health team) called.')).toBe(
			'CAMHS (the mental health team) called.'
		);
		expect(expander.expand('CAMHS again')).toBe('CAMHS again');
	});
});

describe('glossaryFor', () => {
	it('lists each term found once per meaning, whole words only, in glossary order', () => {
		expect(
			glossaryFor(['The LA SEN officer', 'the EHC plan and the EHCP', 'SENDING nothing'])
		).toEqual([
			{ term: 'SEN', meaning: 'special educational needs' },
			{
				term: 'EHCP',
				meaning:
					'Education, Health and Care plan: a legal document saying what support a child must get'
			},
			{ term: 'LA', meaning: 'local authority, which means the council' }
		]);
		expect(glossaryFor(['Nothing to explain'])).toEqual([]);
	});
});
