/** Runes for unit tests: a reactive value, and an effect root to create state classes that use effects in. */
export function reactive<T>(initial: T): { value: T } {
	let v = $state(initial);
	return {
		get value() {
			return v;
		},
		set value(next: T) {
			v = next;
		}
	};
}

export function inRoot<T>(create: () => T): { value: T; stop: () => void } {
	let value!: T;
	const stop = $effect.root(() => {
		value = create();
	});
	return { value, stop };
}
