app_name = "conclusions"

urlpatterns: list = []
