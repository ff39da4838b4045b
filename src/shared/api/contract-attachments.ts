// Attachments' part of the contract: files kept beside a fund entry, a meeting or a disclosure (a scanned
// voucher, a sign-in sheet, a photo of the posted notice). Each is the owner record's: it is listed, opened,
// added and removed with the owner's community scope; it changes no figure of any month, so no month freezes it.
import { z } from 'zod';
import type { MethodSpec } from './contract';
import { id } from './schemas';

export const ATTACHMENT_OWNERS = ['fund_entry', 'meeting', 'disclosure'] as const;
export type AttachmentOwner = (typeof ATTACHMENT_OWNERS)[number];
/** The largest file kept: a phone photo or a multi-page scan fits well under it. */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
/** The most files one record keeps. */
export const ATTACHMENTS_PER_RECORD = 20;

const owner = { owner: z.enum(ATTACHMENT_OWNERS, { error: 'notAllowed' }), ownerId: id };

export const attachmentListInput = z.object(owner);
export const attachmentAddInput = z.object({
  ...owner,
  fileName: z
    .string({ error: 'required' })
    .trim()
    .min(1, { error: 'required' })
    .max(200, { error: 'tooLong' })
    .refine((name) => !/[\\/:*?"<>|]/.test(name) && ![...name].some((c) => c.charCodeAt(0) < 0x20), { error: 'attachmentFileName' }),
  bytes: z
    .instanceof(Uint8Array, { error: 'required' })
    .refine((b) => b.byteLength > 0, { error: 'attachmentEmpty' })
    .refine((b) => b.byteLength <= ATTACHMENT_MAX_BYTES, { error: 'attachmentTooBig' }),
});
export const attachmentIdInput = z.object({ id });

const NO_FREEZE = { none: 'an attachment is evidence kept beside a record; it changes no figure of any month' } as const;

export const attachmentMethods = {
  'attachments.list': { input: attachmentListInput, access: 'viewer', write: false, scope: 'record' },
  'attachments.get': { input: attachmentIdInput, access: 'viewer', write: false, scope: 'record' },
  'attachments.add': { input: attachmentAddInput, access: 'clerk', write: true, freeze: NO_FREEZE, scope: 'record' },
  'attachments.remove': { input: attachmentIdInput, access: 'clerk', write: true, freeze: NO_FREEZE, scope: 'record' },
} as const satisfies Record<string, MethodSpec>;

export interface AttachmentInfo {
  id: number;
  owner: AttachmentOwner;
  ownerId: number;
  fileName: string;
  size: number;
  sha256: string;
  addedBy: string;
  addedAt: string;
}

export interface AttachmentOutputs {
  'attachments.list': AttachmentInfo[];
  'attachments.get': AttachmentInfo & { bytes: Uint8Array };
  'attachments.add': AttachmentInfo;
  'attachments.remove': AttachmentInfo;
}
