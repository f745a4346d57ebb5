// The employees' app, enhanced: sharing without leaving the feed (the network opens in a window opened during the
// click, so that no popup blocker stops it), copying a link, and loading more of the feed in place. Without this file
// every one of these is a plain link or form and works the same.
(() => {
  'use strict';
  const FRAGMENT = 'X-Chorus-Fragment';

  function wireCopy(root) {
    root.querySelectorAll('[data-copy]').forEach((button) => {
      if (!navigator.clipboard || button.dataset.wired) {
        return;
      }
      button.dataset.wired = '1';
      button.hidden = false;
      button.addEventListener('click', async () => {
        const input = document.getElementById(button.dataset.copy);
        try {
          await navigator.clipboard.writeText(input.value);
          button.textContent = button.dataset.copied;
        } catch (e) {
          input.select();
        }
      });
    });
  }

  document.addEventListener('submit', async (event) => {
    const form = event.target.closest('[data-share-form]');
    const button = event.submitter;
    if (!form || form.dataset.plain || !button || button.name !== 'network') {
      return;
    }
    event.preventDefault();
    const mail = button.value === 'email';
    const popup = mail ? null : window.open('about:blank', '_blank');
    const body = new URLSearchParams(new FormData(form));
    body.set('network', button.value);
    try {
      const response = await fetch(form.action, { method: 'POST', body, headers: { [FRAGMENT]: 'share' }, credentials: 'same-origin' });
      if (!response.ok || response.redirected) {
        throw new Error(String(response.status));
      }
      const area = form.closest('[data-share-area]');
      area.innerHTML = await response.text();
      wireCopy(area);
      const intent = area.querySelector('[data-intent]');
      if (popup) {
        popup.opener = null;
        popup.location.href = intent.href;
      } else {
        window.location.href = intent.href;
      }
      const title = area.querySelector('h2');
      if (title) {
        title.setAttribute('tabindex', '-1');
        title.focus();
      }
    } catch (e) {
      // Let the page say what happened (the charter to accept, content gone, a message too long).
      if (popup) {
        popup.close();
      }
      form.dataset.plain = '1';
      form.requestSubmit(button);
    }
  });

  // "Edit before sharing": the suggested message into the item's own-words field, to change, then a network's button.
  document.addEventListener('click', (event) => {
    const edit = event.target.closest('[data-edit-message]');
    if (!edit) {
      return;
    }
    const field = document.getElementById('message-' + edit.dataset.item);
    const message = edit.parentElement.querySelector('[data-message]');
    if (!field || !message) {
      return;
    }
    event.preventDefault();
    field.value = message.textContent;
    field.closest('details').open = true;
    field.focus();
  });

  document.addEventListener('click', async (event) => {
    const link = event.target.closest('[data-load-more] a');
    if (!link) {
      return;
    }
    event.preventDefault();
    const response = await fetch(link.href, { headers: { [FRAGMENT]: 'items' }, credentials: 'same-origin' });
    if (!response.ok || response.redirected) {
      window.location.href = link.href;
      return;
    }
    const holder = link.closest('[data-load-more]');
    const template = document.createElement('template');
    template.innerHTML = await response.text();
    const first = template.content.querySelector('article a');
    holder.replaceWith(template.content);
    wireCopy(document);
    if (first) {
      first.focus();
    }
  });

  wireCopy(document);
})();
