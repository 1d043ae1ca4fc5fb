"""The Qt-free core: text engine, store, corpus import, exports. Nothing here imports Qt."""
