from django.shortcuts import render


def home(request):
    """The home page: service guide, hotline and search; each pillar adds its own section."""
    return render(request, "portal/home.html")
