"""Administrators give people their roles."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.domain.access import Access
from components.store import DatabaseStore
from components.store.schema import ROLES
from components.support.errors import IncidentMapError
from components.support.text import markdown_text as md


def users_panel(store: DatabaseStore, access: Access) -> None:
    if not access.can_admin:
        return
    with st.expander("People and roles"):
        users = store.users()
        if users:
            st.dataframe(
                pd.DataFrame(users, columns=["e-mail", "role"]),
                hide_index=True,
                key="users_table",
            )
        with st.form("users_form", clear_on_submit=True):
            left, right = st.columns([3, 1])
            email = left.text_input("E-mail address", key="users_email")
            role = right.selectbox("Role", ROLES, key="users_role")
            if st.form_submit_button("Give this role"):
                try:
                    store.set_role(email, role, granted_by=access.author)
                except IncidentMapError as error:
                    st.error(md(str(error)))
                    return
                st.toast(f"{md(email)} is now {role}.")
                st.rerun()
