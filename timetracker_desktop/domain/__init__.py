"""Qt-free business core: pure Python, standard library only."""
