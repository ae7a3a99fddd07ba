"""The web widget: the page and script a council site embeds, and its unguessable session ids."""
