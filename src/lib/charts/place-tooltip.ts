/** Where to put a tooltip beside a mark, in the coordinates of the nearest positioned chart container. */
export function placeNear(el: Element, containerSelector = '.plot'): { x: number; y: number } {
	const box = el.getBoundingClientRect();
	const frame = el.closest(containerSelector)?.getBoundingClientRect() ?? box;
	return { x: box.right - frame.left, y: box.top - frame.top };
}
