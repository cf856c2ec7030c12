/** Values every record shares: recorded dates and where a record came from. */

/** ISO 8601 date or date-time as recorded, possibly partial. */
export type Dtc = string;

export interface SourceRef {
	file: string;
	row: number;
}
