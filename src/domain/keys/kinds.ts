// Plain lists (no drizzle), so the browser can read them.
/** 钥匙种类: held for the developer, deposited by the owner, a public area's, a plant room's. */
export const KEY_KINDS = ['developer_held', 'owner_deposited', 'public_area', 'plant_room'] as const;
export type KeyKind = (typeof KEY_KINDS)[number];

/** Where a key is: in the cabinet, lent out, or handed to the owner for good (KEY-1). */
export const KEY_STATUSES = ['in', 'out', 'handed_over'] as const;
export type KeyStatus = (typeof KEY_STATUSES)[number];

/** Who a key is lent to (KEY-4): the unit's owner, the holder of the owner's written authorisation, or staff (public keys only). */
export const BORROWER_KINDS = ['owner', 'authorised', 'staff'] as const;
export type BorrowerKind = (typeof BORROWER_KINDS)[number];
