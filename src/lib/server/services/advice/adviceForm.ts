import * as v from 'valibot';
import { validateForm, type FieldErrors } from '../../forms.ts';
import { parseDateParts } from '../../../shared/domain/dateParts.ts';
import { ADVICE_FILE_TYPES, detectAdviceFileKind, storedFileName } from './fileType.ts';

/** Advice files may be up to 20 MB (DOMAIN: reports are often scanned PDFs). */
export const MAX_ADVICE_FILE_BYTES = 20 * 1024 * 1024;

export const ADVICE_FILE_MESSAGES = {
	wrongType: 'The selected file must be a PDF, Word document (DOCX) or image (PNG or JPEG)',
	tooBig: 'The selected file must be smaller than 20 MB',
	empty: 'The selected file is empty'
} as const;

export interface AdviceFile {
	name: string;
	mimeType: string;
	bytes: Uint8Array;
}

export interface NewAdvice {
	title: string;
	authorName: string;
	agency: string;
	adviceDate: string;
	reviewBy: string | null;
	text: string;
	file: AdviceFile | null;
}

export type ParsedAdviceForm =
	| { ok: true; data: NewAdvice }
	| {
			ok: false;
			errors: FieldErrors;
			values: Record<string, string>;
			/** The name of a file that was chosen: browsers cannot keep it, so ask again. */
			chosenFileName: string | null;
	  };

const FIELD_ORDER = ['title', 'authorName', 'agency', 'adviceDate', 'reviewBy', 'text', 'file'];

const required = (message: string, max: number, maxMessage: string) =>
	v.pipe(v.string(), v.trim(), v.nonEmpty(message), v.maxLength(max, maxMessage));

const AdviceTextFields = v.object({
	title: required(
		'Enter a title, like ‘Speech and language therapy report’',
		200,
		'Title must be 200 characters or fewer'
	),
	authorName: required(
		'Enter the name of the person who gave the advice',
		200,
		'Author must be 200 characters or fewer'
	),
	agency: required(
		'Enter the service or organisation the author works for',
		200,
		'Service or organisation must be 200 characters or fewer'
	),
	text: v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.maxLength(20_000, 'The advice must be 20,000 characters or fewer')
	)
});

function text(formData: FormData, name: string): string {
	const value = formData.get(name);
	return typeof value === 'string' ? value : '';
}

function dateParts(formData: FormData, name: string) {
	return {
		day: text(formData, `${name}-day`),
		month: text(formData, `${name}-month`),
		year: text(formData, `${name}-year`)
	};
}

/** A chosen file, checked by size and by what its bytes say it is. */
async function readFile(
	value: FormDataEntryValue | null
): Promise<{ file: AdviceFile | null; error?: string }> {
	// No file chosen: browsers send an empty part with an empty name.
	if (!(value instanceof File) || (value.name === '' && value.size === 0)) return { file: null };
	if (value.size > MAX_ADVICE_FILE_BYTES) return { file: null, error: ADVICE_FILE_MESSAGES.tooBig };
	if (value.size === 0) return { file: null, error: ADVICE_FILE_MESSAGES.empty };
	const bytes = new Uint8Array(await value.arrayBuffer());
	const kind = detectAdviceFileKind(bytes);
	if (!kind) return { file: null, error: ADVICE_FILE_MESSAGES.wrongType };
	return {
		file: {
			name: storedFileName(value.name, kind),
			mimeType: ADVICE_FILE_TYPES[kind].mimeType,
			bytes
		}
	};
}

export async function parseAdviceForm(
	formData: FormData,
	now = new Date()
): Promise<ParsedAdviceForm> {
	const errors: FieldErrors = {};
	const fields = validateForm(AdviceTextFields, formData);
	if (!fields.ok) Object.assign(errors, fields.errors);

	const adviceDate = parseDateParts(dateParts(formData, 'adviceDate'), {
		label: 'Date of the advice',
		required: 'Enter the date of the advice',
		notInFuture: true,
		now
	});
	if (!adviceDate.ok) errors.adviceDate = adviceDate.message;
	const reviewBy = parseDateParts(dateParts(formData, 'reviewBy'), { label: 'Review-by date' });
	if (!reviewBy.ok) errors.reviewBy = reviewBy.message;
	else if (adviceDate.ok && adviceDate.date && reviewBy.date && reviewBy.date <= adviceDate.date) {
		errors.reviewBy = 'Review-by date must be after the date of the advice';
	}

	const chosen = formData.get('file');
	const upload = await readFile(chosen);
	if (upload.error) errors.file = upload.error;
	if (fields.ok && !fields.data.text && !upload.file && !upload.error) {
		errors.text = 'Enter the advice, or choose a file to upload';
	}

	if (
		!fields.ok ||
		!adviceDate.ok ||
		!adviceDate.date ||
		!reviewBy.ok ||
		Object.keys(errors).length
	) {
		const ordered: FieldErrors = {};
		for (const field of FIELD_ORDER) if (errors[field]) ordered[field] = errors[field];
		const values: Record<string, string> = {};
		for (const [key, value] of formData) if (typeof value === 'string') values[key] = value;
		const chosenFileName = chosen instanceof File && chosen.name !== '' ? chosen.name : null;
		return { ok: false, errors: ordered, values, chosenFileName };
	}
	return {
		ok: true,
		data: {
			...fields.data,
			adviceDate: adviceDate.date,
			reviewBy: reviewBy.date,
			file: upload.file
		}
	};
}
