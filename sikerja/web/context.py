def navigasi(request):
    return {}
