"""The inbox: a worker process, separate from the page, that takes reports in.

``python -m components.inbox run`` watches a folder (``.txt``, ``.html``,
``.eml``) and polls the RSS and Atom feeds the team lists; it reads each new
item with the report reader, matches its incidents against the record, and
queues the proposal in the database (:mod:`components.store.queue`), where the
page's review queue shows it. Nothing it takes in reaches the map until a person
accepts it.

Above the store in the layering: it imports store, report and domain; the page
imports nothing from it and sees its work only through the store's queue.

- :mod:`~components.inbox.texts`: bytes, e-mail and HTML to a report's text and
  title (bounded, any encoding, attachments named and left);
- :mod:`~components.inbox.folder`: the watched folder;
- :mod:`~components.inbox.feeds`: the feeds and their articles;
- :mod:`~components.inbox.reading`: one queued item to its proposal;
- :mod:`~components.inbox.worker`: the loop; ``__main__``: the command.
"""
