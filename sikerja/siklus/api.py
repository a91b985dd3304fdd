from ninja import Router

router = Router(tags=["siklus"])
