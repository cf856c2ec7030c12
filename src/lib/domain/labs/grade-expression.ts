/**
 * admiral's CTCAE grading expressions, read as written: each grade is an R `case_when` branch over ADLB-style
 * values (`signif(AVAL, signif_dig) < 0.5 ~ "4"`, `is.na(ANRLO) ~ NA_character_`, `BNRIND %in% high_indicator &
 * AVAL > 20*BASE ~ "4"` …). A small parser turns them into functions once, so the criteria stay data and the
 * order and boundaries stay admiral's. R's rules hold: NA propagates through arithmetic and comparisons, `&` and
 * `|` are three-valued, `%in%` is never NA, and a branch whose condition is NA does not fire. Pure.
 */

/** The values a criterion reads; null is R's NA. */
export interface GradeVars {
	AVAL: number | null;
	ANRLO: number | null;
	ANRHI: number | null;
	BASE: number | null;
	PCHG: number | null;
	/** The baseline's normal-range indicator: HIGH, LOW, NORMAL … */
	BNRIND: string | null;
}

type Val = number | string | boolean | null | readonly string[];
type Expr = (v: GradeVars) => Val;

export interface Branch {
	/** The branch as admiral wrote it. */
	source: string;
	when: (v: GradeVars) => boolean;
	/** The grade it gives; null: not gradable (NA_character_). */
	grade: number | null;
	/** For a not-gradable branch: the values whose absence it tests (`is.na(ANRLO)` → ANRLO). */
	missing: (keyof GradeVars)[];
}

const CONSTANTS: Record<string, Val> = { signif_dig: 15, high_indicator: ['HIGH'], low_indicator: ['LOW'] };

function tokenize(src: string): string[] {
	const tokens: string[] = [];
	const re = /\s*(%in%|<=|>=|==|!=|[<>!&|~*+\-/(),]|"[^"]*"|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+|[A-Za-z_][A-Za-z0-9_.]*)/y;
	let i = 0;
	while (i < src.length) {
		if (/^\s*$/.test(src.slice(i))) break;
		re.lastIndex = i;
		const m = re.exec(src);
		if (!m) throw new Error(`cannot read "${src.slice(i, i + 20)}" in ${src}`);
		tokens.push(m[1]!);
		i = re.lastIndex;
	}
	return tokens;
}

const num = (x: Val): number | null => (typeof x === 'number' ? x : null);
const signif = (x: number, digits: number) => (x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(Math.min(100, Math.max(1, digits)))));

function parser(tokens: string[], src: string) {
	let p = 0;
	const peek = () => tokens[p];
	const take = (t?: string) => {
		const got = tokens[p++];
		if (t !== undefined && got !== t) throw new Error(`expected "${t}" but found "${got ?? 'the end'}" in ${src}`);
		return got!;
	};
	function or(): Expr {
		let left = and();
		while (peek() === '|') {
			take();
			const a = left;
			const b = and();
			left = (v) => {
				const x = a(v);
				const y = b(v);
				if (x === true || y === true) return true;
				return x === null || y === null ? null : false;
			};
		}
		return left;
	}
	function and(): Expr {
		let left = not();
		while (peek() === '&') {
			take();
			const a = left;
			const b = not();
			left = (v) => {
				const x = a(v);
				const y = b(v);
				if (x === false || y === false) return false;
				return x === null || y === null ? null : true;
			};
		}
		return left;
	}
	function not(): Expr {
		if (peek() === '!') {
			take();
			const e = not();
			return (v) => {
				const x = e(v);
				return x === null ? null : !x;
			};
		}
		return comparison();
	}
	function comparison(): Expr {
		const left = additive();
		const op = peek();
		if (op === '%in%') {
			take();
			const right = additive();
			return (v) => {
				const x = left(v);
				const set = right(v);
				return x !== null && Array.isArray(set) && set.includes(String(x));
			};
		}
		if (op && ['<', '<=', '>', '>=', '==', '!='].includes(op)) {
			take();
			const right = additive();
			return (v) => {
				const x = left(v);
				const y = right(v);
				if (x === null || y === null) return null;
				switch (op) {
					case '<': return (x as number) < (y as number);
					case '<=': return (x as number) <= (y as number);
					case '>': return (x as number) > (y as number);
					case '>=': return (x as number) >= (y as number);
					case '==': return x === y;
					default: return x !== y;
				}
			};
		}
		return left;
	}
	function additive(): Expr {
		let left = multiplicative();
		while (peek() === '+' || peek() === '-') {
			const op = take();
			const a = left;
			const b = multiplicative();
			left = (v) => {
				const x = num(a(v));
				const y = num(b(v));
				return x === null || y === null ? null : op === '+' ? x + y : x - y;
			};
		}
		return left;
	}
	function multiplicative(): Expr {
		let left = unary();
		while (peek() === '*' || peek() === '/') {
			const op = take();
			const a = left;
			const b = unary();
			left = (v) => {
				const x = num(a(v));
				const y = num(b(v));
				return x === null || y === null ? null : op === '*' ? x * y : x / y;
			};
		}
		return left;
	}
	function unary(): Expr {
		if (peek() === '-') {
			take();
			const e = unary();
			return (v) => {
				const x = num(e(v));
				return x === null ? null : -x;
			};
		}
		return primary();
	}
	function primary(): Expr {
		const t = take();
		if (t === '(') {
			const e = or();
			take(')');
			return e;
		}
		if (/^(\d|\.\d)/.test(t)) {
			const n = Number(t);
			return () => n;
		}
		if (t.startsWith('"')) {
			const s = t.slice(1, -1);
			return () => s;
		}
		if (peek() === '(') {
			take('(');
			const args: Expr[] = [];
			if (peek() !== ')') {
				args.push(or());
				while (peek() === ',') {
					take();
					args.push(or());
				}
			}
			take(')');
			if (t === 'is.na' && args.length === 1) {
				const a = args[0]!;
				return (v) => a(v) === null;
			}
			if (t === 'signif' && args.length === 2) {
				const [a, d] = args as [Expr, Expr];
				return (v) => {
					const x = num(a(v));
					const digits = num(d(v));
					return x === null || digits === null ? null : signif(x, digits);
				};
			}
			throw new Error(`unknown function ${t}() in ${src}`);
		}
		if (t in CONSTANTS) {
			const c = CONSTANTS[t]!;
			return () => c;
		}
		if (['AVAL', 'ANRLO', 'ANRHI', 'BASE', 'PCHG', 'BNRIND'].includes(t)) {
			const key = t as keyof GradeVars;
			return (v) => v[key];
		}
		throw new Error(`unknown name "${t}" in ${src}`);
	}
	return {
		expression: or,
		done: () => p >= tokens.length,
		next: peek
	};
}

/** Splits a `case_when` body into its branches at the commas outside parentheses. */
function splitBranches(code: string): string[] {
	const out: string[] = [];
	let depth = 0;
	let start = 0;
	for (let i = 0; i < code.length; i++) {
		const c = code[i];
		if (c === '(') depth++;
		else if (c === ')') depth--;
		else if (c === ',' && depth === 0) {
			out.push(code.slice(start, i));
			start = i + 1;
		}
	}
	out.push(code.slice(start));
	return out.map((s) => s.trim()).filter(Boolean);
}

/** The branches of one grade's code, in order: `cond ~ "3"` or `cond ~ NA_character_`. */
export function compileBranches(code: string): Branch[] {
	return splitBranches(code).map((source) => {
		const at = source.lastIndexOf('~');
		if (at < 0) throw new Error(`a branch without "~": ${source}`);
		const cond = source.slice(0, at).trim();
		const out = source.slice(at + 1).trim();
		const grade = out === 'NA_character_' ? null : /^"(\d)"$/.test(out) ? Number(out.slice(1, -1)) : NaN;
		if (Number.isNaN(grade)) throw new Error(`a branch must give "0"–"5" or NA_character_: ${source}`);
		const tokens = tokenize(cond);
		const ps = parser(tokens, source);
		const e = cond === 'TRUE' ? () => true : ps.expression();
		if (cond !== 'TRUE' && !ps.done()) throw new Error(`unexpected "${ps.next()}" in ${source}`);
		const missing = [...cond.matchAll(/is\.na\((\w+)\)/g)].map((m) => m[1] as keyof GradeVars);
		return { source, when: (v: GradeVars) => e(v) === true, grade, missing };
	});
}
