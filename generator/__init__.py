"""Static site generator for the Ministry of Defence's documents on international military cooperation."""

__version__ = "0.1.0"
