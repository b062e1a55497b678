from dossier.cli import app

app()
