import { createElement, Fragment } from 'react';
import { COMMENT_LINK_REL, linkifyText } from '@/lib/comments/linkify';

/**
 * A comment body as typed: every run is text that React escapes; only http(s) URLs become
 * links, marked rel="nofollow ugc noopener". Written without JSX so unit tests can render it.
 */
export function CommentBody({ text, className = 'comment-body mt-1 whitespace-pre-line break-words' }: { text: string; className?: string }) {
  return createElement(
    'p',
    { className },
    linkifyText(text).map((s, i) =>
      s.kind === 'link' ? createElement('a', { key: i, href: s.href, rel: COMMENT_LINK_REL, className: 'underline' }, s.text) : createElement(Fragment, { key: i }, s.text),
    ),
  );
}
