import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import { FormField } from '@archipelago/ui';
import { FileUploadField } from '../files/FileUploadField';
import { useUploadInstitution } from '../files/UploadInstitution';
import { IMAGE_TYPES } from '../files/uploadFile';
import { FormDialog, type KindDialogProps } from './FormDialog';
import { CALLOUT_VARIANTS, type CalloutVariant } from './nodes';
import { PdfDialog } from './PdfDialog';
import {
  isAllowedImageSrc,
  isAllowedLinkHref,
  isHttpsUrl,
  parseVideoUrl,
} from '@archipelago/rich-text-rules';

export type DialogKind = 'link' | 'image' | 'pdf' | 'callout' | 'reflection' | 'caseStudy' | 'video';

/** The reflection prompt's limit on the server (RICH_TEXT_LIMITS.reflectionPromptChars). */
const PROMPT_MAX = 500;

/** The atom or leaf node (reflection, video, image) selected in the editor, if it is of this type: its form edits it. */
function selectedAtom(editor: Editor, type: string): Record<string, unknown> | undefined {
  const { selection } = editor.state;
  return selection instanceof NodeSelection && selection.node.type.name === type
    ? (selection.node.attrs as Record<string, unknown>)
    : undefined;
}

function LinkDialog({ editor, onClose }: KindDialogProps) {
  const { t } = useTranslation();
  const existing = editor.getAttributes('link').href as string | undefined;
  const [href, setHref] = useState(existing ?? '');
  const [error, setError] = useState<string>();
  const apply = () => {
    const value = href.trim();
    if (value === '' && existing) {
      editor.chain().focus().extendMarkRange('link').unsetLink().run();
      return true;
    }
    if (!isAllowedLinkHref(value)) {
      setError(t('lessonEditor.link.invalid'));
      return false;
    }
    const chain = editor.chain().focus().extendMarkRange('link');
    if (editor.state.selection.empty && !existing) {
      chain
        .insertContent({ type: 'text', text: value, marks: [{ type: 'link', attrs: { href: value } }] })
        .run();
    } else {
      chain.setLink({ href: value }).run();
    }
    return true;
  };
  return (
    <FormDialog
      title={t('lessonEditor.link.title')}
      submitLabel={t('lessonEditor.link.submit')}
      onClose={onClose}
      onSubmit={apply}
    >
      <FormField label={t('lessonEditor.link.href')} hint={t('lessonEditor.link.hint')} error={error}>
        <input className="arch-input" type="url" value={href} onChange={(e) => setHref(e.target.value)} />
      </FormField>
    </FormDialog>
  );
}

function ImageDialog({ editor, onClose }: KindDialogProps) {
  const { t } = useTranslation();
  // With an image selected the form edits it: its alt text, or whether it is decorative.
  const selected = selectedAtom(editor, 'image');
  const [src, setSrc] = useState((selected?.src as string | undefined) ?? '');
  const [alt, setAlt] = useState((selected?.alt as string | undefined) ?? '');
  const [decorative, setDecorative] = useState(selected?.decorative === true);
  const [errors, setErrors] = useState<{ src?: string; alt?: string }>({});
  const institutionId = useUploadInstitution();
  const apply = () => {
    const next = {
      src: isAllowedImageSrc(src.trim()) ? undefined : t('lessonEditor.image.srcInvalid'),
      alt: decorative || alt.trim() ? undefined : t('lessonEditor.image.altRequired'),
    };
    setErrors(next);
    if (next.src || next.alt) return false;
    const attrs = { src: src.trim(), alt: decorative ? '' : alt.trim(), decorative };
    const chain = editor.chain().focus();
    if (selected) chain.updateAttributes('image', attrs).run();
    else chain.insertContent({ type: 'image', attrs }).run();
    return true;
  };
  return (
    <FormDialog
      title={t(selected ? 'lessonEditor.image.editTitle' : 'lessonEditor.image.title')}
      submitLabel={t(selected ? 'lessonEditor.dialog.update' : 'lessonEditor.image.submit')}
      onClose={onClose}
      onSubmit={apply}
    >
      {institutionId ? (
        // Uploading fills in the address below; the author then describes the image.
        <FileUploadField
          id="lesson-image-upload"
          label={t('lessonEditor.image.upload')}
          hint={t('lessonEditor.image.uploadHint')}
          accept={IMAGE_TYPES}
          expect="image"
          institutionId={institutionId}
          onUploaded={(file) => {
            setSrc(file.url);
            setErrors((current) => ({ ...current, src: undefined }));
          }}
        />
      ) : null}
      {src.startsWith('/api/files/') ? <img className="studio-upload__preview" src={src} alt="" /> : null}
      <FormField
        label={t('lessonEditor.image.src')}
        hint={t('lessonEditor.image.srcHint')}
        error={errors.src}
      >
        <input className="arch-input" type="url" value={src} onChange={(e) => setSrc(e.target.value)} />
      </FormField>
      <FormField
        label={t('lessonEditor.image.alt')}
        hint={t('lessonEditor.image.altHint')}
        error={errors.alt}
      >
        <input
          className="arch-input"
          value={alt}
          disabled={decorative}
          onChange={(e) => setAlt(e.target.value)}
        />
      </FormField>
      <div className="arch-field">
        <label className="lesson-checkbox">
          <input type="checkbox" checked={decorative} onChange={(e) => setDecorative(e.target.checked)} />{' '}
          {t('lessonEditor.image.decorative')}
        </label>
      </div>
    </FormDialog>
  );
}

function CalloutDialog({ editor, onClose }: KindDialogProps) {
  const { t } = useTranslation();
  const [variant, setVariant] = useState<CalloutVariant>('note');
  const apply = () => {
    editor
      .chain()
      .focus()
      .insertContent({ type: 'callout', attrs: { variant }, content: [{ type: 'paragraph' }] })
      .run();
    return true;
  };
  return (
    <FormDialog
      title={t('lessonEditor.callout.title')}
      submitLabel={t('lessonEditor.callout.submit')}
      onClose={onClose}
      onSubmit={apply}
    >
      <FormField label={t('lessonEditor.callout.variant')}>
        <select
          className="arch-input"
          value={variant}
          onChange={(e) => setVariant(e.target.value as CalloutVariant)}
        >
          {CALLOUT_VARIANTS.map((v) => (
            <option key={v} value={v}>
              {t(`lessonEditor.callout.variants.${v}`)}
            </option>
          ))}
        </select>
      </FormField>
    </FormDialog>
  );
}

function ReflectionDialog({ editor, onClose }: KindDialogProps) {
  const { t } = useTranslation();
  const selected = selectedAtom(editor, 'reflection');
  const [prompt, setPrompt] = useState((selected?.prompt as string | undefined) ?? '');
  const [error, setError] = useState<string>();
  const apply = () => {
    const value = prompt.trim();
    if (!value || value.length > PROMPT_MAX) {
      setError(
        t(value ? 'lessonEditor.reflection.tooLong' : 'lessonEditor.reflection.required', {
          max: PROMPT_MAX,
        }),
      );
      return false;
    }
    const chain = editor.chain().focus();
    if (selected) chain.updateAttributes('reflection', { prompt: value }).run();
    // The id keys learners' answers: made once here, kept through every later edit.
    else chain.insertContent({ type: 'reflection', attrs: { id: crypto.randomUUID(), prompt: value } }).run();
    return true;
  };
  return (
    <FormDialog
      title={t(selected ? 'lessonEditor.reflection.editTitle' : 'lessonEditor.reflection.title')}
      submitLabel={t(selected ? 'lessonEditor.dialog.update' : 'lessonEditor.reflection.submit')}
      onClose={onClose}
      onSubmit={apply}
    >
      <FormField
        label={t('lessonEditor.reflection.prompt')}
        hint={t('lessonEditor.reflection.hint', { max: PROMPT_MAX })}
        error={error}
      >
        <textarea
          className="arch-input"
          rows={3}
          value={prompt}
          onChange={(e) => setPrompt(e.target.value)}
        />
      </FormField>
    </FormDialog>
  );
}

function CaseStudyDialog({ editor, onClose }: KindDialogProps) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string>();
  const apply = () => {
    if (!title.trim()) {
      setError(t('lessonEditor.caseStudy.required'));
      return false;
    }
    editor
      .chain()
      .focus()
      .insertContent({ type: 'caseStudy', attrs: { title: title.trim() }, content: [{ type: 'paragraph' }] })
      .run();
    return true;
  };
  return (
    <FormDialog
      title={t('lessonEditor.caseStudy.title')}
      submitLabel={t('lessonEditor.caseStudy.submit')}
      onClose={onClose}
      onSubmit={apply}
    >
      <FormField label={t('lessonEditor.caseStudy.name')} error={error}>
        <input className="arch-input" value={title} onChange={(e) => setTitle(e.target.value)} />
      </FormField>
    </FormDialog>
  );
}

function VideoDialog({ editor, onClose }: KindDialogProps) {
  const { t } = useTranslation();
  const selected = selectedAtom(editor, 'video');
  const initial = (key: string) => (selected?.[key] as string | null | undefined) ?? '';
  const [fields, setFields] = useState({
    src: initial('src'),
    title: initial('title'),
    transcript: initial('transcript'),
    captionsUrl: initial('captionsUrl'),
  });
  const [errors, setErrors] = useState<Partial<Record<keyof typeof fields, string>>>({});
  const set = (key: keyof typeof fields) => (value: string) => setFields((f) => ({ ...f, [key]: value }));
  const apply = () => {
    const src = fields.src.trim();
    const captionsUrl = fields.captionsUrl.trim();
    const transcript = fields.transcript.trim();
    const next = {
      src: parseVideoUrl(src) ? undefined : t('lessonEditor.video.srcInvalid'),
      title: fields.title.trim() ? undefined : t('lessonEditor.video.titleRequired'),
      captionsUrl:
        captionsUrl && !isHttpsUrl(captionsUrl) ? t('lessonEditor.video.captionsInvalid') : undefined,
      transcript: transcript || captionsUrl ? undefined : t('lessonEditor.video.transcriptRequired'),
    };
    setErrors(next);
    if (Object.values(next).some(Boolean)) return false;
    const attrs = {
      src,
      title: fields.title.trim(),
      transcript: transcript || null,
      captionsUrl: captionsUrl || null,
    };
    const chain = editor.chain().focus();
    if (selected) chain.updateAttributes('video', attrs).run();
    else chain.insertContent({ type: 'video', attrs }).run();
    return true;
  };
  return (
    <FormDialog
      title={t(selected ? 'lessonEditor.video.editTitle' : 'lessonEditor.video.title')}
      submitLabel={t(selected ? 'lessonEditor.dialog.update' : 'lessonEditor.video.submit')}
      onClose={onClose}
      onSubmit={apply}
    >
      <FormField
        label={t('lessonEditor.video.src')}
        hint={t('lessonEditor.video.srcHint')}
        error={errors.src}
      >
        <input
          className="arch-input"
          type="url"
          value={fields.src}
          onChange={(e) => set('src')(e.target.value)}
        />
      </FormField>
      <FormField label={t('lessonEditor.video.name')} error={errors.title}>
        <input className="arch-input" value={fields.title} onChange={(e) => set('title')(e.target.value)} />
      </FormField>
      <FormField
        label={t('lessonEditor.video.transcript')}
        hint={t('lessonEditor.video.transcriptHint')}
        error={errors.transcript}
      >
        <textarea
          className="arch-input"
          rows={5}
          value={fields.transcript}
          onChange={(e) => set('transcript')(e.target.value)}
        />
      </FormField>
      <FormField label={t('lessonEditor.video.captions')} error={errors.captionsUrl}>
        <input
          className="arch-input"
          type="url"
          value={fields.captionsUrl}
          onChange={(e) => set('captionsUrl')(e.target.value)}
        />
      </FormField>
    </FormDialog>
  );
}

const DIALOGS: Record<DialogKind, (props: KindDialogProps) => ReactNode> = {
  link: LinkDialog,
  image: ImageDialog,
  pdf: PdfDialog,
  callout: CalloutDialog,
  reflection: ReflectionDialog,
  caseStudy: CaseStudyDialog,
  video: VideoDialog,
};

/** The insertion (or editing) form for one kind of content. */
export function EditorDialog({ kind, editor, onClose }: KindDialogProps & { kind: DialogKind }) {
  const Form = DIALOGS[kind];
  return <Form editor={editor} onClose={onClose} />;
}
