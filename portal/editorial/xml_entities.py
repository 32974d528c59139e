"""Whether an XML file that came in declares or uses entities: the portal's
imports (glossary TBX, memory TMX) refuse such a file before reading it, so an
XML bomb is never expanded."""

from lxml import etree


def uses_entities(root):
    """True if the document of element `root` declares an entity in its DTD or
    holds an entity reference."""
    dtd = root.getroottree().docinfo.internalDTD
    declared = dtd is not None and any(True for _entity in dtd.iterentities())
    return declared or any(node.tag is etree.Entity for node in root.iter())
