"""Article text is shown as text: never as Markdown, HTML or Streamlit directives."""
import re

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=\"'^])")


def plain(text: str) -> str:
    """`text` escaped so that st.markdown shows every character as typed and runs nothing."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", str(text)).replace("\n", "  \n")
