"""Administrators give people their roles, and see which account holds each."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.domain.access import ROLES, Access, check_email
from components.store import DatabaseStore
from components.store.users import Grant
from components.support.errors import IncidentMapError
from components.support.text import markdown_text as md

NOT_BOUND = "not signed in yet"


def grants_frame(grants: list[Grant]) -> pd.DataFrame:
    """The grants as the panel lists them: the bound account beside each address."""
    return pd.DataFrame(
        {
            "e-mail": [grant.email for grant in grants],
            "role": [grant.role for grant in grants],
            "signed in as": [grant.account or NOT_BOUND for grant in grants],
            "given by": [grant.granted_by for grant in grants],
        }
    )


def users_panel(store: DatabaseStore, access: Access) -> None:
    if not access.can_admin:
        return
    with st.expander("People and roles"):
        st.caption(
            "A role is given to an e-mail address. The first sign-in whose provider "
            "has verified that address binds the account to it; from then on only "
            "that account has the role."
        )
        grants = store.grants()
        if grants:
            st.dataframe(grants_frame(grants), hide_index=True, key="users_table")
        _grant_form(store, access)
        bound = [grant.email for grant in grants if grant.issuer]
        if bound:
            _release_form(store, access, bound)


def _grant_form(store: DatabaseStore, access: Access) -> None:
    with st.form("users_form", clear_on_submit=True):
        left, right = st.columns([3, 1])
        typed = left.text_input("E-mail address", key="users_email")
        role = right.selectbox("Role", ROLES, key="users_role")
        if not st.form_submit_button("Give this role"):
            return
        try:
            email = check_email(typed)
        except ValueError as error:
            st.error(md(f"The e-mail address {error}."))
            return
        try:
            store.set_role(email, role, granted_by=access.author)
        except IncidentMapError as error:
            st.error(md(str(error)))
            return
    st.toast(md(f"{email} is now {role}."))
    st.rerun()


def _release_form(store: DatabaseStore, access: Access, bound: list[str]) -> None:
    with st.form("users_release_form"):
        email = st.selectbox(
            "Release the account bound to an address (its next verified sign-in "
            "binds again)",
            bound,
            key="users_release_email",
        )
        if not st.form_submit_button("Release"):
            return
        try:
            store.release(email, released_by=access.author)
        except IncidentMapError as error:
            st.error(md(str(error)))
            return
    st.toast(md(f"{email} is bound to no account now."))
    st.rerun()
