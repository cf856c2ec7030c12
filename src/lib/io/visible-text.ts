/**
 * Text from files made safe to show: control characters (which a terminal obeys, so a file could hide the lines
 * after them or recolour the screen) and invisible characters (zero-width spaces, direction overrides, which make
 * "RT01-001" and "RT01-001<U+200B>" look alike) are written as <U+XXXX>. Line breaks and tabs stay.
 */

// C0 controls but \t \n \r, DEL, C1 controls; zero-width and direction formatting characters; BOM and soft hyphen.
const HIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/g;

const code = (c: string) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;

/** Every control and invisible character written as <U+XXXX>. */
export function showHidden(text: string): string {
	return text.replace(HIDDEN, code);
}

/** True when the text holds a character showHidden would rewrite. */
export function hasHidden(text: string): boolean {
	HIDDEN.lastIndex = 0;
	const found = HIDDEN.test(text);
	HIDDEN.lastIndex = 0;
	return found;
}

/** For a terminal: showHidden, and a carriage return that is not part of a line break (it would overwrite the line). */
export function forTerminal(text: string): string {
	return showHidden(text).replace(/\r(?!\n)/g, '<U+000D>');
}
