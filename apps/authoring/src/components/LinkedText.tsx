import { TextLink } from '@archipelago/ui';

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** Plain text with its web addresses made into links, e.g. the invitation link in a stored e-mail. */
export function LinkedText({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <>
      {parts.map((part, index) =>
        // split() with a capturing group puts the matches at the odd indexes.
        index % 2 === 1 ? (
          <TextLink key={index} href={part}>
            {part}
          </TextLink>
        ) : (
          part
        ),
      )}
    </>
  );
}
