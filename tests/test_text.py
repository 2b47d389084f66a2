import pytest

from components.support.text import html_text, markdown_text, spreadsheet_cell


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
        ("`${alert(1)}`", "&#96;&#36;{alert(1)}&#96;"),
        ("</script>", "&lt;/script&gt;"),
        ("a \\` b", "a &#92;&#96; b"),
        ("\"quoted\" & 'single'", "&quot;quoted&quot; &amp; &#x27;single&#x27;"),
        ("Quetta", "Quetta"),
    ],
)
def test_html_text(raw, escaped):
    assert html_text(raw) == escaped


def test_markdown_text_escapes_links_images_colours_and_latex():
    escaped = markdown_text("![x](http://e/x.png) :red[alarm] $x$ **b**")
    assert escaped == (
        "\\!\\[x\\]\\(http\\://e/x\\.png\\) \\:red\\[alarm\\] \\$x\\$ \\*\\*b\\*\\*"
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("\uff1d1+1", "'\uff1d1+1"),  # full-width equals sign
        ("\ufe621", "'\ufe621"),  # small plus sign
        ("\u22121", "'\u22121"),  # minus sign
        (" =1+1", "' =1+1"),
        ("\u3000\uff20A1", "'\u3000\uff20A1"),  # ideographic space, full-width @
        ("1-2", "1-2"),
        ("Quetta", "Quetta"),
        (31, 31),
    ],
)
def test_spreadsheet_cell(value, expected):
    assert spreadsheet_cell(value) == expected


def test_a_code_span_shows_a_path_as_written():
    from components.support.text import code_span

    assert code_span("shared/seed/balochistan-2026-02-01.txt#L8") == (
        "`shared/seed/balochistan-2026-02-01.txt#L8`"
    )
    assert code_span("a `b` c") == "``a `b` c``"
    assert code_span("`x`") == "`` `x` ``"
    assert code_span("two\nlines") == "`two lines`"
