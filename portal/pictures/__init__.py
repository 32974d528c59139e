"""Pictures: one pipeline for every image staff upload.

- `ingest` verifies an upload by decoding it (never by its name or declared
  type), applies its EXIF orientation and re-encodes it without metadata.
- `renditions` makes the responsive WebP and JPEG copies visitors are served,
  once, when the picture is saved.
- `storage` keeps originals apart from renditions: originals are never served.
- `models.Picture` is the abstract model city photos and lead images share.

May import: `portal.formatting`, `portal.editorial` (its admin inline). Used by
`cities` and `news`, never importing them.
"""
