/**
 * What an invitation's address must look like (the invitation table's own check): class-validator's
 * isEmail also takes a quoted local part with spaces or an @ ("Ana Tuilagi"@example.org), which
 * the table refuses, so the enrolment would fail in the database instead of naming the address.
 */
export const SENDABLE_EMAIL = /^[^@\s]+@[^@\s]+$/;
