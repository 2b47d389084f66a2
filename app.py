"""Incident map: the Streamlit entry point. Wiring only; the logic is in components/.

Streamlit runs this file as ``__main__``. The report reader's worker processes are
started with ``spawn``, which runs the starting process's main file again, as
``__mp_main__``, before any job: so the page and every import it needs are in
``main()``, drawn only when this file is the script. A worker opens no database,
loads no incidents and imports no Streamlit.
"""


def main() -> None:
    """Draw the page, top to bottom."""
    import streamlit as st

    from components.domain.filters import apply_filters
    from components.support.logs import configure_logging
    from components.support.server_sockets import send_without_delay_once
    from components.ui.about import about_panel
    from components.ui.database_page import database_page
    from components.ui.header import page_header
    from components.ui.history_panel import history_panel
    from components.ui.import_panel import import_panel
    from components.ui.inbox_panel import inbox_panel
    from components.ui.incident_list import incident_list
    from components.ui.layout import current_layout, layout_sidebar, page_regions
    from components.ui.link import link_chooses_a_view, open_link
    from components.ui.loading import data_store, database_mode, load_data
    from components.ui.map_panel import incident_map
    from components.ui.metrics import event_breakdown, headline_metrics
    from components.ui.page_order import rest_to_come, whole_page
    from components.ui.playback import playback, playback_later
    from components.ui.remembered import page_briefing
    from components.ui.report_panel import report_panel
    from components.ui.sidebar import sidebar, sidebar_later
    from components.ui.sign_in import page_access
    from components.ui.sources_panel import sources_panel
    from components.ui.style import page_style
    from components.ui.table import incident_table
    from components.ui.timeline import timeline
    from components.ui.users_panel import users_panel

    st.set_page_config(page_title="Incident map", page_icon="🗺️", layout="wide")
    configure_logging("INFO")
    send_without_delay_once(st.get_option("server.port"))  # no 40 ms waits per file

    store = data_store()
    access = page_access(store)  # before any data is drawn: may stop at the sign-in
    mode = database_mode()
    if mode.sql:  # too many incidents to hold: the page asks the database
        database_page(store, access, mode)
        st.stop()
    frame, events = load_data()
    regions = page_regions(current_layout())  # the layout's places, in its order
    with regions.notes:
        open_link(frame, events)
    whole = whole_page()  # a session's first run: the head and the map; the rest after
    light = not whole and not link_chooses_a_view()  # widgets later, in their places
    filters, layers, projector = (sidebar_later if light else sidebar)(frame, events)
    if not light:
        layout_sidebar()
    page_style(projector, regions.layout)
    filtered = apply_filters(frame, filters)
    brief = page_briefing(filtered, events)

    with regions.head:
        page_header(brief, compact=regions.layout != "analyst")
    with regions.controls:
        shown = (playback_later if light else playback)(filtered)
    if shown is not filtered:
        brief = page_briefing(shown, events)
    with regions.figures:
        headline_metrics(brief, frame, events, per_row=regions.figures_per_row)
        if filtered.empty:
            st.info("No incidents match these filters. Clear them in the sidebar.")
    if not whole:
        rest_to_come()
    with regions.map:
        incident_map(
            shown, frame, filters, layers, projector=projector, layout=regions.layout
        )
    with regions.breakdown:
        event_breakdown(brief)
    if whole:
        incident_list(shown, store)
        timeline(shown)
        incident_table(shown, events, filters, brief)
        if access.can_write:
            import_panel(frame, access)
            report_panel(frame, events, access)
        inbox_panel(frame, events, store, access)
        history_panel(shown, store, access)
        sources_panel(shown, store, access)
        users_panel(store, access)
        about_panel(events)


if __name__ == "__main__":
    main()
